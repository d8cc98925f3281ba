/**
 * An in-memory PGlite database with the app's real schema, for tests of plan → SQL. Test-only.
 * The tables come from lib/db/migrations, the same files the app applies, so they cannot drift from lib/db/schema.ts.
 */
import { asc, type SQL } from "drizzle-orm";
import { closeDatabase, createDatabase } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { contacts, type NewContactRow } from "@/lib/db/schema";

export type ContactsDb = {
  insertContacts: (rows: NewContactRow[]) => Promise<void>;
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
