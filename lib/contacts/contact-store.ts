import "server-only";
import { and, asc, count, eq, getTableColumns, ilike, or, type SQL, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { escapeLike } from "@/lib/db/like";
import { contacts, type ContactRow, users } from "@/lib/db/schema";
import type { ContactFields } from "@/lib/contacts/contact-input";
import { type ShareLists, shareListsOf } from "@/lib/contacts/contact-shares";

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

/** A contact with the share lists its Cerbos resource carries: what a detail page and a mutation decide on. */
export type SharedContactRecord = ContactRecord & { shares: ShareLists };

export async function findContactWithShares(db: Database, id: string): Promise<SharedContactRecord | null> {
  const [row, shares] = await Promise.all([findContactById(db, id), shareListsOf(db, id)]);
  return row && { ...row, shares };
}

function searchCondition(search: string | undefined): SQL | undefined {
  if (!search) return undefined;
  const pattern = `%${escapeLike(search)}%`;
  return or(ilike(contacts.name, pattern), ilike(contacts.email, pattern), ilike(contacts.company, pattern));
}

/** Counting stops past this many matches (more than a page): the list then says "1,000+" instead of an exact total. */
export const COUNT_CAP = 1_000;

export type ContactPageQuery = {
  filter: SQL | undefined;
  search: string | undefined;
  limit: number;
  offset: number;
  /** Count at most this many matches (default COUNT_CAP); at least up to the end of the page asked for. */
  countCap?: number;
};

/** `total` is exact when `totalExact`; otherwise at least that many match (and more than this page shows). */
export type ContactPage = { rows: ContactRecord[]; total: number; totalExact: boolean };

/**
 * One page of contacts matching the authorization filter and the search, and how many match, counted up to a cap.
 * An exact count(*) reads every matching row (a scan of ~75% of 100k contacts for a member, ~13 ms a request);
 * counting one row past the cap stops early, and the cap reaches the end of the page asked for, so the count is
 * exact whenever that page is at (or past) the end of the list.
 */
export async function findContactPage(db: Database, query: ContactPageQuery): Promise<ContactPage> {
  const where = and(query.filter, searchCondition(query.search));
  const cap = Math.max(query.countCap ?? COUNT_CAP, query.offset + query.limit);
  const matches = db
    .select({ one: sql`1` })
    .from(contacts)
    .where(where)
    .limit(cap + 1)
    .as("matches");
  const [rows, [counted]] = await Promise.all([
    db
      .select(withOwnerEmail)
      .from(contacts)
      .leftJoin(users, eq(users.sub, contacts.owner))
      .where(where)
      .orderBy(asc(contacts.name), asc(contacts.id))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ total: count() }).from(matches),
  ]);
  const total = counted?.total ?? 0;
  return total > cap ? { rows, total: cap, totalExact: false } : { rows, total, totalExact: true };
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
