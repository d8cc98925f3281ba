/**
 * An in-memory PGlite database with the app's real schema, for tests of plan → SQL. Test-only.
 * The tables come from lib/db/migrations, the same files the app applies, so they cannot drift from lib/db/schema.ts.
 */
import { asc, type SQL } from "drizzle-orm";
import { closeDatabase, createDatabase } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { contacts, contactShares, type NewContactRow, users } from "@/lib/db/schema";

export type TestShare = { contactId: string; sub: string; role: "viewer" | "editor" };

export type ContactsDb = {
  insertContacts: (rows: NewContactRow[]) => Promise<void>;
  /** Shares of inserted contacts; each sharee is added to the user directory first (shares reference it). */
  insertShares: (shares: TestShare[]) => Promise<void>;
  /** Ids of the rows matching `where` (all rows without one), sorted. */
  selectIds: (where?: SQL) => Promise<string[]>;
  close: () => Promise<void>;
};

export async function createContactsDb(): Promise<ContactsDb> {
  const db = createDatabase({ driver: "pglite", dataDir: "memory://" });
  await migrateDatabase(db);
  return {
    insertContacts: async (rows) => {
      if (rows.length > 0) await db.insert(contacts).values(rows);
    },
    insertShares: async (shares) => {
      if (shares.length === 0) return;
      const subs = [...new Set(shares.map((share) => share.sub))];
      await db
        .insert(users)
        .values(subs.map((sub) => ({ sub, email: `${sub}@example.com` })))
        .onConflictDoNothing();
      await db.insert(contactShares).values(shares.map((share) => ({ ...share, sharedBy: "test" })));
    },
    selectIds: async (where) => {
      const rows = await db.select({ id: contacts.id }).from(contacts).where(where).orderBy(asc(contacts.id));
      return rows.map((row) => row.id);
    },
    close: () => closeDatabase(db),
  };
}

/** A valid, readable uuid for test row `n`. */
export function testUuid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString().padStart(12, "0")}`;
}
