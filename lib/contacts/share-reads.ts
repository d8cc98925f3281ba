import "server-only";
import type { CurrentUser } from "@/lib/auth/current-user";
import { withRequestDeadline } from "@/lib/authz/cerbos-client";
import { checkShareAccess, type ShareAccess } from "@/lib/authz/check-share-action";
import { type ContactResource, toContactResource } from "@/lib/authz/contact-resources";
import { principalFromIdentity } from "@/lib/authz/principal";
import type { Database } from "@/lib/db/client";
import { getReadyDb } from "@/lib/db/migrate";
import type { ContactRow } from "@/lib/db/schema";
import { contactIdSchema } from "@/lib/contacts/contact-input";
import { type ContactShare, listShares, type ShareLists, shareListsFromShares } from "@/lib/contacts/contact-shares";
import { findContactById } from "@/lib/contacts/contact-store";
import { type ShareView, toShareView } from "@/lib/contacts/share-view";

/** A contact with its shares, loaded together: what a share decision is made on. */
export type SharedContact = { row: ContactRow; shares: ContactShare[]; lists: ShareLists };

export async function loadSharedContact(db: Database, id: string): Promise<SharedContact | null> {
  const row = await findContactById(db, id);
  if (!row) return null;
  const shares = await listShares(db, id);
  return { row, shares, lists: shareListsFromShares(shares) };
}

/** The contact's Cerbos resource with its current share lists. */
export function sharedContactResource({ row, lists }: SharedContact): ContactResource {
  return toContactResource({ ...row, shares: lists });
}

/**
 * What the user may see of a contact's sharing: `shares` (everyone's) only for those allowed to share it, since
 * listing who else has access is part of managing it; a sharee gets only their own share (`yours`), so people a
 * contact is shared with do not learn of each other. Null when the contact does not exist or the user may not read it.
 */
export type ContactSharing = { access: ShareAccess; shares: ShareView[]; yours: ShareView | null };

export async function getContactSharing(user: CurrentUser, id: string): Promise<ContactSharing | null> {
  if (!contactIdSchema.safeParse(id).success) return null;
  const contact = await loadSharedContact(await getReadyDb(), id);
  if (!contact) return null;
  const { principal } = principalFromIdentity(user);
  const access = await checkShareAccess(principal, sharedContactResource(contact), withRequestDeadline());
  if (!access.read.allowed) return null;
  const own = contact.shares.find((share) => share.sub === user.sub);
  return {
    access,
    shares: access.share.allowed ? contact.shares.map(toShareView) : [],
    yours: own ? toShareView(own) : null,
  };
}
