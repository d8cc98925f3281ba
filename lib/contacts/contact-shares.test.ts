import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  findDirectoryUserByEmail,
  findShare,
  listShares,
  MAX_SHARES_PER_CONTACT,
  removeShare,
  shareListsFor,
  shareListsFromShares,
  upsertShare,
} from "@/lib/contacts/contact-shares";
import { insertContact, updateContactAtVersion } from "@/lib/contacts/contact-store";
import { migrateDatabase } from "@/lib/db/migrate";
import { contacts, users } from "@/lib/db/schema";
import { recordUsers } from "@/lib/db/user-directory";
import { testBackends, type TestDatabase } from "@/lib/testing/test-databases";

const backends = testBackends(process.env.TEST_DATABASE_URL);
const fields = { email: null, phone: null, company: null, notes: null, isPrivate: true };

describe.each(backends)("contact shares on $name", (backend) => {
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
    await recordUsers(t.db, [
      { sub: "sub-alice", email: "alice@example.com" },
      { sub: "sub-bob", email: "bob@example.com" },
      { sub: "sub-carol", email: "carol@example.com" },
    ]);
  });

  it("adds, changes, lists and revokes shares; lists come by role for many contacts in one call", async () => {
    const one = await insertContact(t.db, "sub-alice", { ...fields, name: "One" });
    const two = await insertContact(t.db, "sub-alice", { ...fields, name: "Two" });
    const share = { contactId: one.id, sharedBy: "sub-alice" };
    expect(await upsertShare(t.db, { ...share, sub: "sub-bob", role: "viewer" })).toBe("added");
    expect(await upsertShare(t.db, { ...share, sub: "sub-bob", role: "viewer" })).toBe("unchanged");
    expect(await upsertShare(t.db, { ...share, sub: "sub-carol", role: "viewer" })).toBe("added");
    expect(await upsertShare(t.db, { ...share, sub: "sub-carol", role: "editor" })).toBe("changed");
    expect((await listShares(t.db, one.id)).map(({ email, role }) => ({ email, role }))).toEqual([
      { email: "bob@example.com", role: "viewer" },
      { email: "carol@example.com", role: "editor" },
    ]);
    const lists = await shareListsFor(t.db, [one.id, two.id]);
    expect(lists.get(one.id)).toEqual({ viewers: ["sub-bob"], editors: ["sub-carol"] });
    expect(lists.get(two.id)).toEqual({ viewers: [], editors: [] });
    expect(await removeShare(t.db, one.id, "sub-bob")).toBe(true);
    expect(await removeShare(t.db, one.id, "sub-bob")).toBe(false);
    expect((await shareListsFor(t.db, [one.id])).get(one.id)).toEqual({ viewers: [], editors: ["sub-carol"] });
  });

  it("moves the contact to a new version when it takes a right away, so a write authorized before fails", async () => {
    const one = await insertContact(t.db, "sub-alice", { ...fields, name: "One" });
    const share = { contactId: one.id, sharedBy: "sub-alice" };
    const versionOf = async () => (await t.db.select().from(contacts)).find((row) => row.id === one.id)?.version;
    await upsertShare(t.db, { ...share, sub: "sub-bob", role: "viewer" });
    await upsertShare(t.db, { ...share, sub: "sub-bob", role: "editor" });
    expect(await versionOf()).toBe(one.version);
    // bob's save was authorized at this version, as an editor; the downgrade lands before the write.
    await upsertShare(t.db, { ...share, sub: "sub-bob", role: "viewer" });
    expect(await updateContactAtVersion(t.db, one.id, one.version, { ...fields, name: "bob was here" })).toBeNull();
    await upsertShare(t.db, { ...share, sub: "sub-bob", role: "editor" });
    const current = await versionOf();
    expect(await removeShare(t.db, one.id, "sub-bob")).toBe(true);
    expect(await updateContactAtVersion(t.db, one.id, current!, { ...fields, name: "bob was here" })).toBeNull();
    expect(await versionOf()).toBe(current! + 1);
    expect(await removeShare(t.db, one.id, "sub-bob")).toBe(false);
    expect(await versionOf()).toBe(current! + 1);
  });

  it("finds sharees by email in the directory only, whatever the case", async () => {
    expect(await findDirectoryUserByEmail(t.db, " Bob@Example.com ")).toEqual({
      sub: "sub-bob",
      email: "bob@example.com",
    });
    expect(await findDirectoryUserByEmail(t.db, "nobody@example.com")).toBeNull();
  });

  it("refuses a share past the limit", async () => {
    const one = await insertContact(t.db, "sub-alice", { ...fields, name: "One" });
    const many = Array.from({ length: MAX_SHARES_PER_CONTACT + 1 }, (_, i) => ({
      sub: `sub-x${i}`,
      email: `x${i}@e.com`,
    }));
    await recordUsers(t.db, many);
    for (const user of many.slice(0, MAX_SHARES_PER_CONTACT)) {
      expect(await upsertShare(t.db, { contactId: one.id, sub: user.sub, role: "viewer", sharedBy: "a" })).toBe(
        "added",
      );
    }
    const last = many[MAX_SHARES_PER_CONTACT]!.sub;
    expect(await upsertShare(t.db, { contactId: one.id, sub: last, role: "viewer", sharedBy: "a" })).toBe("limit");
    expect(await upsertShare(t.db, { contactId: one.id, sub: "sub-x0", role: "editor", sharedBy: "a" })).toBe(
      "changed",
    );
  });

  it("lets concurrent adds to one contact take turns, so they cannot pass the limit together", async () => {
    const one = await insertContact(t.db, "sub-alice", { ...fields, name: "One" });
    const many = Array.from({ length: MAX_SHARES_PER_CONTACT + 5 }, (_, i) => ({
      sub: `sub-y${i}`,
      email: `y${i}@e.com`,
    }));
    await recordUsers(t.db, many);
    const results = await Promise.all(
      many.map(({ sub }) => upsertShare(t.db, { contactId: one.id, sub, role: "viewer", sharedBy: "a" })),
    );
    expect(results.filter((result) => result === "added")).toHaveLength(MAX_SHARES_PER_CONTACT);
    expect(results.filter((result) => result === "limit")).toHaveLength(5);
    expect(await listShares(t.db, one.id)).toHaveLength(MAX_SHARES_PER_CONTACT);
  });

  it("shares die with the contact", async () => {
    const one = await insertContact(t.db, "sub-alice", { ...fields, name: "One" });
    await upsertShare(t.db, { contactId: one.id, sub: "sub-bob", role: "editor", sharedBy: "sub-alice" });
    await t.db.delete(contacts);
    expect(await listShares(t.db, one.id)).toEqual([]);
    // Deleted after the caller loaded it: an outcome, not an exception.
    const share = { contactId: one.id, sub: "sub-bob", role: "viewer", sharedBy: "sub-alice" } as const;
    expect(await upsertShare(t.db, share)).toBe("contact-gone");
  });

  it("names the sharer by email, and finds one person's share", async () => {
    const one = await insertContact(t.db, "sub-alice", { ...fields, name: "One" });
    await upsertShare(t.db, { contactId: one.id, sub: "sub-bob", role: "editor", sharedBy: "sub-alice" });
    await upsertShare(t.db, { contactId: one.id, sub: "sub-carol", role: "viewer", sharedBy: "sub-gone" });
    const [bob, carol] = await listShares(t.db, one.id);
    expect(bob).toMatchObject({ email: "bob@example.com", sharedBy: "sub-alice", sharedByEmail: "alice@example.com" });
    expect(carol).toMatchObject({ email: "carol@example.com", sharedByEmail: null });
    expect(await findShare(t.db, one.id, "sub-bob")).toEqual(bob);
    expect(await findShare(t.db, one.id, "sub-alice")).toBeNull();
    expect(shareListsFromShares([carol!, bob!])).toEqual({ viewers: ["sub-carol"], editors: ["sub-bob"] });
  });
});
