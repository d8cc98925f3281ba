import { readFileSync } from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { closeDatabase } from "@/lib/db/client";
import { createRandom, generateContacts, SYNTHETIC_OWNERS } from "@/lib/db/generate-contacts";
import { findMigrationsFolder, migrateDatabase } from "@/lib/db/migrate";
import { contacts } from "@/lib/db/schema";
import { seedContacts } from "@/lib/db/seed-contacts";
import { sampleContacts } from "@/lib/db/seed-data";
import { testBackends, type TestDatabase } from "@/lib/testing/test-databases";
import { DatabaseUnavailableError } from "@/lib/db/unavailable";

/** How many migrations exist, so this test needs no edit when one is added. */
function journalEntries(): number {
  const text = readFileSync(path.join(findMigrationsFolder(), "meta", "_journal.json"), "utf8");
  return (JSON.parse(text) as { entries: unknown[] }).entries.length;
}

const backends = testBackends(process.env.TEST_DATABASE_URL);

const owners = [
  { email: "alice@example.com", sub: "sub-alice" },
  { email: "bob@example.com", sub: "sub-bob" },
  { email: "admin@example.com", sub: "sub-admin" },
  { email: "nora@example.com", sub: "sub-nora" },
];

describe.each(backends)("database on $name", (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await backend.open();
  });
  afterAll(async () => {
    await t?.dispose();
  });
  beforeEach(async ({ task }) => {
    if (task.name.startsWith("migrates")) return;
    await migrateDatabase(t.db, t.migrateOptions);
    await t.db.delete(contacts);
  });

  it("migrates, and migrating again (also concurrently, also from another instance) changes nothing", async () => {
    const peer = t.openPeer?.();
    const first = migrateDatabase(t.db, t.migrateOptions);
    expect(migrateDatabase(t.db, t.migrateOptions)).toBe(first);
    await Promise.all([first, peer && migrateDatabase(peer, t.migrateOptions)]);
    if (peer) await closeDatabase(peer);
    await migrateDatabase(t.db, t.migrateOptions);
    const applied = await t.db.execute<{ n: number }>(
      sql`select count(*)::int as n from ${sql.identifier(t.migrateOptions.migrationsSchema ?? "drizzle")}.__drizzle_migrations`,
    );
    expect(applied.rows).toEqual([{ n: journalEntries() }]);
  });

  it("stores a contact with defaults: a uuid, version 1, public, timestamps", async () => {
    const [inserted] = await t.db
      .insert(contacts)
      .values({ owner: "sub-alice", name: "Ada Lovelace", email: "ada@example.com" })
      .returning();
    expect(inserted).toMatchObject({
      owner: "sub-alice",
      name: "Ada Lovelace",
      version: 1,
      isPrivate: false,
      phone: null,
    });
    expect(inserted?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(inserted?.createdAt).toBeInstanceOf(Date);
    const [read] = await t.db
      .select()
      .from(contacts)
      .where(eq(contacts.id, inserted?.id ?? ""));
    expect(read).toEqual(inserted);
  });

  it("keeps ordinary query errors as they are (not an outage)", async () => {
    const error = await t.db.execute(sql`select * from no_such_table`).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(DatabaseUnavailableError);
  });

  it("seeds the sample once, mapping owners by email", async () => {
    expect(await seedContacts(t.db, { owners })).toEqual({ inserted: sampleContacts.length, skipped: false });
    expect(await seedContacts(t.db, { owners })).toEqual({ inserted: 0, skipped: true });
    const rows = await t.db.select().from(contacts);
    expect(rows).toHaveLength(sampleContacts.length);
    expect(new Set(rows.map((row) => row.owner))).toEqual(new Set(owners.map((owner) => owner.sub)));
    expect(rows.some((row) => row.isPrivate)).toBe(true);
    expect(await seedContacts(t.db, { owners, force: true })).toEqual({
      inserted: sampleContacts.length,
      skipped: false,
    });
  });

  it("inserts one set when two seeds race", async () => {
    const results = await Promise.all([seedContacts(t.db, { owners }), seedContacts(t.db, { owners })]);
    expect(results.map((r) => r.skipped).sort()).toEqual([false, true]);
    expect(await t.db.$count(contacts)).toBe(sampleContacts.length);
  });

  it("seeds generated contacts in batches", async () => {
    const result = await seedContacts(t.db, { owners, count: 2_500, random: createRandom(42) });
    expect(result).toEqual({ inserted: 2_500, skipped: false });
    expect(await t.db.$count(contacts)).toBe(2_500);
    expect(await t.db.$count(contacts, eq(contacts.owner, SYNTHETIC_OWNERS[0] ?? ""))).toBeGreaterThan(0);
  });
});

describe("generateContacts", () => {
  it("is deterministic for a seed and differs between seeds", () => {
    expect(generateContacts(50, owners, createRandom(7))).toEqual(generateContacts(50, owners, createRandom(7)));
    expect(generateContacts(50, owners, createRandom(8))).not.toEqual(generateContacts(50, owners, createRandom(7)));
  });

  it("spreads contacts over the given and the synthetic owners, about 30% private", () => {
    const rows = generateContacts(5_000, owners, createRandom(1));
    const expectedOwners = [...owners.map((owner) => owner.sub), ...SYNTHETIC_OWNERS];
    expect(new Set(rows.map((row) => row.owner))).toEqual(new Set(expectedOwners));
    const privateShare = rows.filter((row) => row.isPrivate).length / rows.length;
    expect(privateShare).toBeGreaterThan(0.27);
    expect(privateShare).toBeLessThan(0.33);
    expect(
      rows.every((row) => row.name.length > 0 && (!row.email || /^[a-z0-9.-]+@[a-z0-9.-]+$/.test(row.email))),
    ).toBe(true);
  });
});
