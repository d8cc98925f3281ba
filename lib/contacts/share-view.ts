import type { ContactShare, ShareRole } from "@/lib/contacts/contact-shares";

/** A share as pages and the API show it: plain, serializable data, people named by email (never by sub). */
export type ShareView = {
  email: string;
  role: ShareRole;
  /** The sharer's email from the directory; null when they are no longer in it. */
  sharedBy: string | null;
  sharedAt: string;
};

export function toShareView(share: ContactShare): ShareView {
  return {
    email: share.email,
    role: share.role,
    sharedBy: share.sharedByEmail,
    sharedAt: share.sharedAt.toISOString(),
  };
}
