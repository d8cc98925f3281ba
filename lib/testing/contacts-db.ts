/**
 * An in-memory PGlite database with the contacts table, for tests of plan → SQL. Test-only.
 * The table is created here rather than from lib/db's migrations so these tests do not depend on them;
 * keep the statement in step with lib/db/schema.ts.
 */
import { PGlite } from "@electric-sql/pglite";
import { asc, type SQL } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";

import { contacts, type NewContactRow } from "@/lib/db/schema";

const CREATE_CONTACTS = `
  CREATE TABLE contacts (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    owner text NOT NULL,
    name text NOT NULL,
    email text,
    phone text,
    company text,
    notes text,
    private boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    version integer NOT NULL DEFAULT 1
  );
  CREATE INDEX contacts_owner_idx ON contacts (owner);
  CREATE INDEX contacts_name_idx ON contacts (name);
`;

export type ContactsDb = {
  insertContacts: (rows: NewContactRow[]) => Promise<void>;
  /** Ids of the rows matching `where` (all rows without one), sorted. */
  selectIds: (where?: SQL) => Promise<string[]>;
  close: () => Promise<void>;
};

export async function createContactsDb(): Promise<ContactsDb> {
  const client = new PGlite();
  await client.exec(CREATE_CONTACTS);
  const db = drizzle({ client });
  return {
    insertContacts: async (rows) => {
      if (rows.length > 0) await db.insert(contacts).values(rows);
    },
    selectIds: async (where) => {
      const rows = await db.select({ id: contacts.id }).from(contacts).where(where).orderBy(asc(contacts.id));
      return rows.map((row) => row.id);
    },
    close: () => client.close(),
  };
}

/** A valid, readable uuid for test row `n`. */
export function testUuid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString().padStart(12, "0")}`;
}
