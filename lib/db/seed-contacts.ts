import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { createRandom, generateContacts, type Random, type SeedOwner } from "@/lib/db/generate-contacts";
import { type NewContactRow, contacts } from "@/lib/db/schema";
import { sampleContacts } from "@/lib/db/seed-data";

export type SeedOptions = {
  owners: readonly SeedOwner[];
  /** Generate this many random contacts instead of the hand-written sample. */
  count?: number;
  /** The generator's random numbers (default: a fixed seed, so two runs seed the same rows). */
  random?: Random;
  /** Insert even when the table already has contacts. */
  force?: boolean;
};

export type SeedResult = { inserted: number; skipped: boolean };

// 9 columns a row keeps each statement far below PostgreSQL's 65,535 bind parameters.
const INSERT_BATCH = 1_000;

/** The hand-written sample; a contact whose owner is not among `owners` goes to them in turn instead. */
export function sampleContactRows(owners: readonly SeedOwner[]): NewContactRow[] {
  const subByEmail = new Map(owners.map((owner) => [owner.email.toLowerCase(), owner.sub]));
  return sampleContacts.map(({ ownerEmail, ...fields }, index) => {
    const owner = subByEmail.get(ownerEmail) ?? owners[index % owners.length]?.sub;
    if (!owner) throw new Error("Seeding needs at least one owner");
    return { ...fields, owner };
  });
}

/**
 * Seeds contacts once: does nothing while the table has rows, unless `force`. The check and the inserts share a
 * transaction holding a lock that other seeders wait on, so two seeds started together still insert one set.
 */
export async function seedContacts(db: Database, options: SeedOptions): Promise<SeedResult> {
  if (options.owners.length === 0) throw new Error("Seeding needs at least one owner");
  const rows =
    options.count === undefined
      ? sampleContactRows(options.owners)
      : generateContacts(options.count, options.owners, options.random ?? createRandom(1));
  return db.transaction(async (tx) => {
    // SHARE ROW EXCLUSIVE conflicts with itself but not with readers: the app keeps serving while a seed runs.
    await tx.execute(sql`lock table ${contacts} in share row exclusive mode`);
    if (!options.force) {
      const existing = await tx.select({ id: contacts.id }).from(contacts).limit(1);
      if (existing.length > 0) return { inserted: 0, skipped: true };
    }
    for (let start = 0; start < rows.length; start += INSERT_BATCH) {
      await tx.insert(contacts).values(rows.slice(start, start + INSERT_BATCH));
    }
    return { inserted: rows.length, skipped: false };
  });
}
