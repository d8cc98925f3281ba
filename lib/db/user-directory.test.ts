import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { findContactById, findContactPage, insertContact, updateContactAtVersion } from "@/lib/contacts/contact-store";
import { closeDatabase, createDatabase } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { contacts, users } from "@/lib/db/schema";
import { DatabaseUnavailableError } from "@/lib/db/unavailable";
import { recordUsers } from "@/lib/db/user-directory";
import { testBackends, type TestDatabase } from "@/lib/testing/test-databases";

const backends = testBackends(process.env.TEST_DATABASE_URL);
const fields = { email: null, phone: null, company: null, notes: null, isPrivate: false };

describe.each(backends)("the user directory on $name", (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await backend.open();
    await migrateDatabase(t.db, t.migrateOptions);
  }, 60_000);
  afterAll(async () => {
    await t?.dispose();
  });
  beforeEach(async () => {
    await t.db.delete(contacts);
    await t.db.delete(users);
  });

  it("records users once each, and a changed email replaces the old one", async () => {
    await recordUsers(t.db, [
      { sub: "sub-alice", email: "Alice@Example.com" },
      { sub: "sub-bob", email: "bob@example.com" },
    ]);
    const [before] = await t.db.select().from(users).where(eq(users.sub, "sub-bob"));
    await recordUsers(t.db, [
      { sub: "sub-alice", email: "alice@new.example" },
      { sub: "sub-bob", email: "bob@example.com" },
    ]);
    const rows = await t.db.select().from(users).orderBy(users.sub);
    expect(rows.map(({ sub, email }) => ({ sub, email }))).toEqual([
      { sub: "sub-alice", email: "alice@new.example" },
      { sub: "sub-bob", email: "bob@example.com" },
    ]);
    // An unchanged entry is left as it was.
    expect(rows[1]?.updatedAt).toEqual(before?.updatedAt);
    await recordUsers(t.db, []);
    expect(await t.db.$count(users)).toBe(2);
  });

  it("gives every read and write of a contact its owner's email, in the same query", async () => {
    await recordUsers(t.db, [{ sub: "sub-alice", email: "alice@example.com" }]);
    const created = await insertContact(t.db, "sub-alice", { ...fields, name: "Ada" });
    expect(created).toMatchObject({ owner: "sub-alice", ownerEmail: "alice@example.com" });
    expect(await findContactById(t.db, created.id)).toMatchObject({ ownerEmail: "alice@example.com" });
    const updated = await updateContactAtVersion(t.db, created.id, 1, { ...fields, name: "Ada L." });
    expect(updated).toMatchObject({ name: "Ada L.", version: 2, ownerEmail: "alice@example.com" });

    await insertContact(t.db, "sub-unknown", { ...fields, name: "Bea" });
    const page = await findContactPage(t.db, { filter: undefined, search: undefined, limit: 10, offset: 0 });
    expect(page.total).toBe(2);
    expect(page.rows.map(({ name, ownerEmail }) => ({ name, ownerEmail }))).toEqual([
      { name: "Ada L.", ownerEmail: "alice@example.com" },
      // An owner the directory does not know still shows the contact, with no email.
      { name: "Bea", ownerEmail: null },
    ]);
  });
});

describe("a directory the database cannot reach", () => {
  const db = createDatabase({ driver: "pg", url: "postgresql://app:secret@127.0.0.1:1/contacts" });
  afterAll(() => closeDatabase(db));

  it("fails closed: an outage, never contacts without their owner", async () => {
    await expect(recordUsers(db, [{ sub: "s", email: "s@example.com" }])).rejects.toBeInstanceOf(
      DatabaseUnavailableError,
    );
    await expect(
      findContactPage(db, { filter: undefined, search: undefined, limit: 1, offset: 0 }),
    ).rejects.toBeInstanceOf(DatabaseUnavailableError);
  });
});
