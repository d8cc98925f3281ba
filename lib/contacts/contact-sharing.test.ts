// Integration: contacts shared with people, through the app's own reads and mutations, against the real PDP with the
// real policies, on an in-memory PGlite, with the decision caches on (as in the app): what a share allows, what it
// never allows, and that a revoked or changed share applies at the very next request.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import { createContact, deleteContact, updateContact } from "@/lib/contacts/contact-mutations";
import { getContactForUser, listContactsForUser } from "@/lib/contacts/contact-reads";
import { removeShare, type ShareRole, upsertShare } from "@/lib/contacts/contact-shares";
import { findContactById } from "@/lib/contacts/contact-store";
import { closeDatabase } from "@/lib/db/client";
import { getReadyDb } from "@/lib/db/migrate";
import { contacts } from "@/lib/db/schema";
import { recordUsers } from "@/lib/db/user-directory";
import { setInProcessAppEnv } from "@/lib/testing/in-process-env";
import { startPdp, type PdpProcess } from "@/lib/testing/pdp-process";

function userOf(sub: string, groups: string[]): CurrentUser {
  const claims = { sub, exp: 2_000_000_000, client_id: "test", token_use: "access" as const, "cognito:groups": groups };
  return { sub, username: sub, email: `${sub}@example.com`, groups, claims, via: "bearer" };
}

const alice = userOf("alice-sub", ["user"]);
const bob = userOf("bob-sub", ["user"]);
const nora = userOf("nora-sub", []);

let pdp: PdpProcess;

beforeAll(async () => {
  pdp = await startPdp(3809, 3810);
  // The caches stay on (a 10 s TTL, as in the app): a revoked share must not be answered from them.
  setInProcessAppEnv(pdp.url, { CERBOS_CACHE_TTL_MS: "10000" });
  const db = await getReadyDb();
  await db.delete(contacts);
  await recordUsers(
    db,
    [alice, bob, nora].map((user) => ({ sub: user.sub, email: `${user.sub}@example.com` })),
  );
}, 60_000);

afterAll(async () => {
  await closeDatabase();
  await pdp?.stop();
});

async function aliceCreates(name: string, isPrivate = true) {
  const result = await createContact(alice, { name, isPrivate });
  if (result.status !== "ok" || !result.contact) throw new Error(`create failed: ${JSON.stringify(result)}`);
  return result.contact;
}

const share = async (contactId: string, sub: string, role: ShareRole) =>
  upsertShare(await getReadyDb(), { contactId, sub, role, sharedBy: alice.sub });
const listedIds = async (user: CurrentUser) =>
  (await listContactsForUser(user, { pageSize: 100 })).contacts.map((contact) => contact.id);

describe("a contact shared as viewer", () => {
  it("appears, private, in the viewer's list and detail page, with the share as the reason", async () => {
    const contact = await aliceCreates("Private, viewed");
    expect(await getContactForUser(bob, contact.id)).toBeNull();
    expect(await listedIds(bob)).not.toContain(contact.id);
    await share(contact.id, bob.sub, "viewer");
    const listed = (await listContactsForUser(bob, { pageSize: 100 })).contacts.find((c) => c.id === contact.id);
    expect(listed?.permissions).toEqual({
      read: { allowed: true, reason: "shared with you as viewer" },
      update: { allowed: false, reason: "not the owner" },
      delete: { allowed: false, reason: "not the owner" },
    });
    expect((await getContactForUser(bob, contact.id))?.permissions.read.reason).toBe("shared with you as viewer");
  });

  it("cannot be updated or deleted by the viewer (403: readable, not changeable), and nothing changes", async () => {
    const contact = await aliceCreates("Viewed, kept");
    await share(contact.id, bob.sub, "viewer");
    const update = await updateContact(bob, { id: contact.id, version: 1, changes: { name: "Changed" } });
    expect(update).toEqual({ status: "forbidden", message: "You may not update this contact (not the owner)." });
    expect(await deleteContact(bob, { id: contact.id, version: 1 })).toMatchObject({ status: "forbidden" });
    expect(await findContactById(await getReadyDb(), contact.id)).toMatchObject({ name: "Viewed, kept", version: 1 });
  });
});

describe("a contact shared as editor", () => {
  it("can be updated by the editor, even made private (the proposed state keeps its shares), never deleted", async () => {
    const contact = await aliceCreates("Edited", false);
    await share(contact.id, bob.sub, "editor");
    const updated = await updateContact(bob, { id: contact.id, version: 1, changes: { isPrivate: true } });
    expect(updated).toMatchObject({ status: "ok", contact: { isPrivate: true, version: 2, owner: alice.sub } });
    expect((await getContactForUser(bob, contact.id))?.permissions.update.reason).toBe("shared with you as editor");
    const deleted = await deleteContact(bob, { id: contact.id, version: 2 });
    expect(deleted).toEqual({ status: "forbidden", message: "You may not delete this contact (not the owner)." });
    expect(await findContactById(await getReadyDb(), contact.id)).not.toBeNull();
  });
});

describe("a changed share applies at the next request, past warm caches", () => {
  it("a revoked share: gone from the list and the detail page, and an update is a 404", async () => {
    const contact = await aliceCreates("Revoked");
    await share(contact.id, bob.sub, "editor");
    expect(await listedIds(bob)).toContain(contact.id);
    expect(await getContactForUser(bob, contact.id)).not.toBeNull();
    expect(await removeShare(await getReadyDb(), contact.id, bob.sub)).toBe(true);
    expect(await listedIds(bob)).not.toContain(contact.id);
    expect(await getContactForUser(bob, contact.id)).toBeNull();
    const update = await updateContact(bob, { id: contact.id, version: 1, changes: { name: "Too late" } });
    expect(update).toEqual({ status: "not-found" });
  });

  it("editor to viewer: the next update is refused", async () => {
    const contact = await aliceCreates("Demoted");
    await share(contact.id, bob.sub, "editor");
    expect((await getContactForUser(bob, contact.id))?.permissions.update.allowed).toBe(true);
    await share(contact.id, bob.sub, "viewer");
    const detail = await getContactForUser(bob, contact.id);
    expect(detail?.permissions.update).toEqual({ allowed: false, reason: "not the owner" });
    expect(await updateContact(bob, { id: contact.id, version: 1, changes: { name: "No" } })).toMatchObject({
      status: "forbidden",
    });
  });
});

describe("shares never stand in for a role", () => {
  it("someone in no group sees nothing shared with them", async () => {
    const contact = await aliceCreates("For nora");
    await share(contact.id, nora.sub, "editor");
    expect(await getContactForUser(nora, contact.id)).toBeNull();
    expect(await listContactsForUser(nora, {})).toMatchObject({ total: 0, contacts: [] });
    expect(await updateContact(nora, { id: contact.id, version: 1, changes: { name: "No" } })).toEqual({
      status: "not-found",
    });
  });
});

describe("lists with shares across several pages", () => {
  it("pages through exactly the contacts bob may read, and counts them right", async () => {
    const db = await getReadyDb();
    const created = await Promise.all(Array.from({ length: 23 }, (_, i) => aliceCreates(`Paged ${i}`, i % 2 === 0)));
    await Promise.all(
      created.filter((_, i) => i % 3 === 0).map((c, i) => share(c.id, bob.sub, i % 2 ? "viewer" : "editor")),
    );
    const all = await db.select().from(contacts);
    const readable = new Set([...(await listedIds(bob))]);
    // What single checks allow, contact by contact, is what the list shows.
    const allowed = await Promise.all(all.map(async (c) => ((await getContactForUser(bob, c.id)) ? [c.id] : [])));
    expect([...readable].sort()).toEqual(allowed.flat().sort());
    const seen: string[] = [];
    for (let page = 1; page <= 5; page++) {
      const list = await listContactsForUser(bob, { pageSize: 7, page, q: "Paged" });
      expect(list).toMatchObject({ total: 15, totalExact: true });
      seen.push(...list.contacts.map((contact) => contact.id));
    }
    // 11 public (i odd) and the 4 private ones shared with bob (i = 0, 6, 12, 18), none twice.
    expect(seen).toHaveLength(new Set(seen).size);
    expect(seen.sort()).toEqual([...readable].filter((id) => created.some((c) => c.id === id)).sort());
  });
});
