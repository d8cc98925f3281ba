import "server-only";
import { cache } from "react";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { type ContactWithPermissions, getContactForUser } from "@/lib/contacts/contact-reads";
import { loadOrUnavailable } from "@/lib/pages/load-or-unavailable";

/**
 * For the pages of one contact (detail, edit, delete): the contact with its permissions, for the signed-in user.
 * A contact that does not exist and one the user may not read are the same 404: existence is not leaked.
 * Cached for the request, so a page's title (generateMetadata) and its body share one load and one check.
 */
export const requireReadableContact = cache(async (id: string, here: string): Promise<ContactWithPermissions> => {
  const user = await requireUser(here);
  const contact = await loadOrUnavailable(() => getContactForUser(user, id), here, user);
  if (!contact) notFound();
  return contact;
});
