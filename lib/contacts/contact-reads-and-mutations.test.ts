// Integration: the real PDP with the real policies and an in-memory PGlite; the identities are plain inputs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import { startPdp, type PdpProcess } from "@/lib/testing/pdp-process";
import { closeDatabase } from "@/lib/db/client";
import { getReadyDb } from "@/lib/db/migrate";
import { contacts } from "@/lib/db/schema";
import { createContact, deleteContact, updateContact } from "@/lib/contacts/contact-mutations";
import { getContactForUser, listContactsForUser } from "@/lib/contacts/contact-reads";
import { findContactById } from "@/lib/contacts/contact-store";
import { setInProcessAppEnv } from "@/lib/testing/in-process-env";

function userOf(sub: string, groups: string[]): CurrentUser {
  const claims = { sub, exp: 2_000_000_000, client_id: "test", token_use: "access" as const, "cognito:groups": groups };
  return { sub, username: sub, email: `${sub}@example.com`, groups, claims, via: "bearer" };
}

const alice = userOf("alice-sub", ["user"]);
const bob = userOf("bob-sub", ["user"]);
const admin = userOf("admin-sub", ["admin"]);
const nora = userOf("nora-sub", []);

let pdp: PdpProcess;

beforeAll(async () => {
  pdp = await startPdp(3798, 3799);
  setInProcessAppEnv(pdp.url);
  await (await getReadyDb()).delete(contacts);
});

afterAll(async () => {
  await closeDatabase();
  await pdp?.stop();
});

async function create(user: CurrentUser, fields: Record<string, unknown>) {
  const result = await createContact(user, fields);
  if (result.status !== "ok" || !result.contact) throw new Error(`create failed: ${JSON.stringify(result)}`);
  return result.contact;
}

describe("createContact, updateContact, deleteContact (contact-mutations)", () => {
  it("creates with the principal as owner, and refuses an owner in the input", async () => {
    const contact = await create(alice, { name: "Ada" });
    expect(contact.owner).toBe("alice-sub");
    expect(contact.version).toBe(1);
    expect(await createContact(alice, { name: "Ada", owner: "bob-sub" })).toEqual({
      status: "invalid",
      fieldErrors: { owner: ['Unknown field "owner".'] },
    });
  });

  it("refuses to create for a user with no roles, and writes nothing", async () => {
    const before = (await (await getReadyDb()).select().from(contacts)).length;
    expect(await createContact(nora, { name: "Nope" })).toMatchObject({ status: "forbidden" });
    expect((await (await getReadyDb()).select().from(contacts)).length).toBe(before);
  });

  it("reports invalid fields and writes nothing", async () => {
    expect(await createContact(alice, { name: "", email: "nope" })).toMatchObject({
      status: "invalid",
      fieldErrors: { name: expect.any(Array), email: expect.any(Array) },
    });
  });

  it("lets the owner update, bumps the version, and refuses a stale version without writing", async () => {
    const contact = await create(alice, { name: "Grace" });
    const updated = await updateContact(alice, { id: contact.id, version: 1, changes: { company: "Navy" } });
    expect(updated).toMatchObject({ status: "ok", contact: { company: "Navy", version: 2, name: "Grace" } });
    const stale = await updateContact(alice, { id: contact.id, version: 1, changes: { company: "Stale" } });
    expect(stale).toMatchObject({ status: "conflict", current: { company: "Navy", version: 2 } });
    expect((await findContactById(await getReadyDb(), contact.id))?.company).toBe("Navy");
  });

  it("answers 403 to another user's update of a public contact and 404 for a private one; nothing changes", async () => {
    const open = await create(alice, { name: "Open" });
    const hidden = await create(alice, { name: "Hidden", isPrivate: true });
    expect(await updateContact(bob, { id: open.id, version: 1, changes: { name: "Hacked" } })).toMatchObject({
      status: "forbidden",
    });
    expect(await deleteContact(bob, { id: open.id, version: 1 })).toMatchObject({ status: "forbidden" });
    expect(await updateContact(bob, { id: hidden.id, version: 1, changes: { name: "Hacked" } })).toEqual({
      status: "not-found",
    });
    expect(await deleteContact(bob, { id: hidden.id, version: 1 })).toEqual({ status: "not-found" });
    const db = await getReadyDb();
    expect((await findContactById(db, open.id))?.name).toBe("Open");
    expect((await findContactById(db, hidden.id))?.name).toBe("Hidden");
  });

  it("lets an admin update and delete anyone's contact", async () => {
    const contact = await create(bob, { name: "Bob's", isPrivate: true });
    expect(await updateContact(admin, { id: contact.id, version: 1, changes: { notes: "checked" } })).toMatchObject({
      status: "ok",
    });
    expect(await deleteContact(admin, { id: contact.id, version: 2 })).toEqual({ status: "ok", contact: null });
    expect(await findContactById(await getReadyDb(), contact.id)).toBeNull();
  });

  it("treats a malformed id as not found", async () => {
    expect(await deleteContact(alice, { id: "../etc", version: 1 })).toMatchObject({ status: "invalid" });
    expect(await getContactForUser(alice, "not-a-uuid")).toBeNull();
  });

  it("fails closed when Cerbos does not answer", async () => {
    const contact = await create(alice, { name: "Kept" });
    await pdp.stop();
    try {
      expect(await updateContact(alice, { id: contact.id, version: 1, changes: { name: "Changed" } })).toEqual({
        status: "unavailable",
        reason: "cerbos",
      });
      expect((await findContactById(await getReadyDb(), contact.id))?.name).toBe("Kept");
    } finally {
      pdp = await startPdp(3798, 3799);
    }
  });
});

describe("listContactsForUser (contact-reads)", () => {
  it("shows a user their own and others' public contacts, never others' private ones, with reasons", async () => {
    const list = await listContactsForUser(bob, { pageSize: 100 }, { inspect: true });
    expect(list.contacts.length).toBeGreaterThan(0);
    for (const contact of list.contacts) {
      expect(contact.ownedByUser || !contact.isPrivate).toBe(true);
      expect(contact.permissions.update.allowed).toBe(contact.ownedByUser);
      expect(contact.permissions.read.reason).toBe(contact.ownedByUser ? "owner" : "not private");
    }
    expect(list.inspector?.plan.filter).toContain("bob-sub");
  });

  it("shows the admin everything and a no-role user nothing, without a query", async () => {
    const all = await (await getReadyDb()).select().from(contacts);
    expect((await listContactsForUser(admin, { pageSize: 100 })).total).toBe(all.length);
    const none = await listContactsForUser(nora, {}, { inspect: true });
    expect(none).toMatchObject({ total: 0, contacts: [], hasRoles: false });
    expect(none.inspector?.plan.filter).toContain("no query");
  });

  it("searches and paginates in the same query", async () => {
    const page1 = await listContactsForUser(admin, { q: "open", pageSize: 1 });
    expect(page1.total).toBe(1);
    expect(page1.contacts[0]?.name).toBe("Open");
    const paged = await listContactsForUser(admin, { pageSize: 2, page: 2 });
    expect(paged.contacts.length).toBeLessThanOrEqual(2);
    expect(paged.page).toBe(2);
  });

  it("decides create only when asked, and carries the inspector only when it is open", async () => {
    const api = await listContactsForUser(bob, {});
    expect(api.canCreate).toBeUndefined();
    expect(api.inspector).toBeUndefined();
    const page = await listContactsForUser(bob, {}, { withCreate: true });
    expect(page.canCreate).toEqual({ allowed: true, reason: "owner" });
    expect((await listContactsForUser(nora, {}, { withCreate: true })).canCreate).toEqual({
      allowed: false,
      reason: "no rule allows it",
    });
  });

  it("escapes LIKE wildcards in searches", async () => {
    expect((await listContactsForUser(admin, { q: "%" })).total).toBe(0);
  });
});
