import "server-only";
import { and, asc, count, eq, getTableColumns, ilike, or, type SQL, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { escapeLike } from "@/lib/db/like";
import { contacts, type ContactRow, users } from "@/lib/db/schema";
import type { ContactFields } from "@/lib/contacts/contact-input";

/**
 * Plain data access for contacts. Nothing here decides who may see or change what: callers pass the filter
 * that Cerbos's plan became (contact-reads.ts), and write only after a check on the loaded record
 * (contact-mutations.ts, through guarded-mutation.ts).
 */

/** A contact with its owner's email from the user directory (null when the owner is not in it). */
export type ContactRecord = ContactRow & { ownerEmail: string | null };

// Reads join the directory (one query for a whole page); writes name the owner's email in RETURNING.
const withOwnerEmail = { ...getTableColumns(contacts), ownerEmail: users.email };
const returningOwnerEmail = {
  ...getTableColumns(contacts),
  ownerEmail: sql<string | null>`(select ${users.email} from ${users} where ${users.sub} = ${contacts.owner})`,
};

export async function findContactById(db: Database, id: string): Promise<ContactRecord | null> {
  const [row] = await db
    .select(withOwnerEmail)
    .from(contacts)
    .leftJoin(users, eq(users.sub, contacts.owner))
    .where(eq(contacts.id, id))
    .limit(1);
  return row ?? null;
}

function searchCondition(search: string | undefined): SQL | undefined {
  if (!search) return undefined;
  const pattern = `%${escapeLike(search)}%`;
  return or(ilike(contacts.name, pattern), ilike(contacts.email, pattern), ilike(contacts.company, pattern));
}

export type ContactPageQuery = { filter: SQL | undefined; search: string | undefined; limit: number; offset: number };

/** One page of contacts matching the authorization filter and the search, and how many match in all. */
export async function findContactPage(
  db: Database,
  query: ContactPageQuery,
): Promise<{ rows: ContactRecord[]; total: number }> {
  const where = and(query.filter, searchCondition(query.search));
  const [rows, [totals]] = await Promise.all([
    db
      .select(withOwnerEmail)
      .from(contacts)
      .leftJoin(users, eq(users.sub, contacts.owner))
      .where(where)
      .orderBy(asc(contacts.name), asc(contacts.id))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ total: count() }).from(contacts).where(where),
  ]);
  return { rows, total: totals?.total ?? 0 };
}

export async function insertContact(db: Database, owner: string, fields: ContactFields): Promise<ContactRecord> {
  const [row] = await db
    .insert(contacts)
    .values({ ...fields, owner })
    .returning(returningOwnerEmail);
  if (!row) throw new Error("insert returned no row");
  return row;
}

/** Writes only if nobody saved in between: the version in the WHERE clause is the optimistic lock. */
export async function updateContactAtVersion(
  db: Database,
  id: string,
  version: number,
  fields: ContactFields,
): Promise<ContactRecord | null> {
  const [row] = await db
    .update(contacts)
    .set({ ...fields, version: sql`${contacts.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(contacts.id, id), eq(contacts.version, version)))
    .returning(returningOwnerEmail);
  return row ?? null;
}

export async function deleteContactAtVersion(db: Database, id: string, version: number): Promise<boolean> {
  const deleted = await db
    .delete(contacts)
    .where(and(eq(contacts.id, id), eq(contacts.version, version)))
    .returning({ id: contacts.id });
  return deleted.length > 0;
}
