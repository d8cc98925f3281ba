import "server-only";
import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "@/lib/db/client";
import { noShares, type ShareLists } from "@/lib/authz/contact-resources";
import { contacts, contactShares, users } from "@/lib/db/schema";

// The lists' shape is the contact resource's (what Cerbos is sent); re-exported for the share modules.
export { noShares, type ShareLists };

/** The lists travel to the PDP with every check of the contact, so they stay short. */
export const MAX_SHARES_PER_CONTACT = 25;

export type ShareRole = "viewer" | "editor";

/**
 * One share as the Sharing section and the API show it. `sharedByEmail` is the sharer's email from the directory
 * (null if they are no longer in it): people read emails, not subs.
 */
export type ContactShare = {
  sub: string;
  email: string;
  role: ShareRole;
  sharedBy: string;
  sharedByEmail: string | null;
  sharedAt: Date;
};

const sharers = alias(users, "sharers");

function selectShares(db: Database) {
  return db
    .select({
      sub: contactShares.sub,
      email: users.email,
      role: contactShares.role,
      sharedBy: contactShares.sharedBy,
      sharedByEmail: sharers.email,
      sharedAt: contactShares.sharedAt,
    })
    .from(contactShares)
    .innerJoin(users, eq(users.sub, contactShares.sub))
    .leftJoin(sharers, eq(sharers.sub, contactShares.sharedBy));
}

/** A contact's shares, by email, with the sharee's (and sharer's) current email from the directory. */
export async function listShares(db: Database, contactId: string): Promise<ContactShare[]> {
  return selectShares(db).where(eq(contactShares.contactId, contactId)).orderBy(asc(users.email));
}

/** One person's share of a contact (what a sharee is told about their own access), or null. */
export async function findShare(db: Database, contactId: string, sub: string): Promise<ContactShare | null> {
  const [share] = await selectShares(db)
    .where(and(eq(contactShares.contactId, contactId), eq(contactShares.sub, sub)))
    .limit(1);
  return share ?? null;
}

/** The share lists of shares already loaded (toContactResource sorts them), saving a second query. */
export function shareListsFromShares(shares: readonly Pick<ContactShare, "sub" | "role">[]): ShareLists {
  const lists = noShares();
  for (const { sub, role } of shares) (role === "editor" ? lists.editors : lists.viewers).push(sub);
  return lists;
}

/**
 * The share lists of many contacts in one query (a list page's rows), so a page costs one round trip, not one per
 * row. Every id asked for gets an entry, empty lists included.
 */
export async function shareListsFor(db: Database, contactIds: readonly string[]): Promise<Map<string, ShareLists>> {
  const lists = new Map(contactIds.map((id) => [id, noShares()]));
  if (contactIds.length === 0) return lists;
  const rows = await db
    .select({ contactId: contactShares.contactId, sub: contactShares.sub, role: contactShares.role })
    .from(contactShares)
    .where(inArray(contactShares.contactId, [...new Set(contactIds)]))
    .orderBy(asc(contactShares.sub));
  for (const row of rows) {
    const entry = lists.get(row.contactId);
    if (entry) (row.role === "editor" ? entry.editors : entry.viewers).push(row.sub);
  }
  return lists;
}

/** One contact's share lists: what its detail page and every mutation send to Cerbos with it. */
export async function shareListsOf(db: Database, contactId: string): Promise<ShareLists> {
  return (await shareListsFor(db, [contactId])).get(contactId) ?? noShares();
}

/** Who an email is in the directory (emails are stored lower-case), or null: only directory users can be sharees. */
export async function findDirectoryUserByEmail(
  db: Database,
  email: string,
): Promise<{ sub: string; email: string } | null> {
  const [row] = await db
    .select({ sub: users.sub, email: users.email })
    .from(users)
    .where(eq(users.email, email.trim().toLowerCase()))
    .limit(1);
  return row ?? null;
}

export type UpsertShareResult = "added" | "changed" | "unchanged" | "limit" | "contact-gone";

/**
 * Adds a share or changes its role (idempotent). The contact's row is locked first, so concurrent adds to one contact
 * take turns and cannot both slip under the limit; changing the role of an existing share never hits the limit.
 * "contact-gone" if the contact was deleted after the caller loaded and authorized it (the delete wins).
 */
export async function upsertShare(
  db: Database,
  share: { contactId: string; sub: string; role: ShareRole; sharedBy: string },
): Promise<UpsertShareResult> {
  const thisShare = and(eq(contactShares.contactId, share.contactId), eq(contactShares.sub, share.sub));
  return db.transaction(async (tx) => {
    const [contact] = await tx
      .select({ id: contacts.id })
      .from(contacts)
      .where(eq(contacts.id, share.contactId))
      .for("update");
    if (!contact) return "contact-gone";
    const [existing] = await tx.select({ role: contactShares.role }).from(contactShares).where(thisShare);
    if (existing?.role === share.role) return "unchanged";
    if (existing) {
      await tx
        .update(contactShares)
        .set({ role: share.role, sharedBy: share.sharedBy, sharedAt: sql`now()` })
        .where(thisShare);
      if (existing.role === "editor") await bumpVersion(tx, share.contactId);
      return "changed";
    }
    const [shares] = await tx
      .select({ total: count() })
      .from(contactShares)
      .where(eq(contactShares.contactId, share.contactId));
    if ((shares?.total ?? 0) >= MAX_SHARES_PER_CONTACT) return "limit";
    await tx.insert(contactShares).values(share);
    return "added";
  });
}

/**
 * Taking a right away (a revoke, editor → viewer) moves the contact to a new version. A write is authorized on the
 * contact and its shares as loaded, then made only at the version it loaded: so an editor's save authorized in the
 * instant before the revoke fails its version check (409) instead of landing after it. Granting needs no bump.
 */
async function bumpVersion(tx: Pick<Database, "update">, contactId: string): Promise<void> {
  await tx
    .update(contacts)
    .set({ version: sql`${contacts.version} + 1` })
    .where(eq(contacts.id, contactId));
}

/** Revokes one share; false when there was none. */
export async function removeShare(db: Database, contactId: string, sub: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const removed = await tx
      .delete(contactShares)
      .where(and(eq(contactShares.contactId, contactId), eq(contactShares.sub, sub)))
      .returning({ sub: contactShares.sub });
    if (removed.length > 0) await bumpVersion(tx, contactId);
    return removed.length > 0;
  });
}
