import type { APIResponse } from "@playwright/test";
import { uniqueName, uniqueWord, type ApiErrorBody } from "@/e2e/support/contacts-api";
import { expect, test } from "@/e2e/support/contacts-test";

async function expectError(response: APIResponse, status: number, code: string): Promise<ApiErrorBody["error"]> {
  expect(response.status(), await response.text()).toBe(status);
  const { error } = (await response.json()) as ApiErrorBody;
  expect(error.code).toBe(code);
  expect(error.message).toEqual(expect.any(String));
  return error;
}

test.describe("bob's token against alice's contacts", () => {
  const cases = [
    { privacy: "public", isPrivate: false, status: 403, code: "forbidden" },
    { privacy: "private", isPrivate: true, status: 404, code: "not_found" },
  ] as const;
  for (const { privacy, isPrivate, status, code } of cases) {
    test(`PATCH and DELETE on a ${privacy} one answer ${status} and change nothing`, async ({ apiAs }) => {
      const alice = await apiAs("alice");
      const before = await alice.createOk({ name: uniqueName(`alice ${privacy}`), notes: "original", isPrivate });
      const bob = await apiAs("bob");

      const patched = await expectError(
        await bob.patch(before.id, { version: before.version, name: "Hijacked" }),
        status,
        code,
      );
      if (status === 403) expect(patched.message).toBe("You may not update this contact (not the owner).");
      const deleted = await expectError(await bob.remove(before.id, before.version), status, code);
      if (status === 403) expect(deleted.message).toBe("You may not delete this contact (not the owner).");
      // Without a version nothing is deleted either: the version is required, as for PATCH.
      expect((await expectError(await bob.remove(before.id), 400, "invalid")).fieldErrors).toHaveProperty("version");

      const after = await alice.getOk(before.id);
      expect(after).toMatchObject({
        name: before.name,
        notes: "original",
        version: before.version,
        updatedAt: before.updatedAt,
      });
    });
  }
});

test("a stale version is a 409 with the current contact, for PATCH and DELETE alike", async ({ apiAs }) => {
  const alice = await apiAs("alice");
  const original = await alice.createOk({ name: uniqueName("versions"), notes: "v1" });
  const saved = await alice.patch(original.id, { version: original.version, notes: "v2" });
  expect(saved.status()).toBe(200);

  const stalePatch = await expectError(
    await alice.patch(original.id, { version: original.version, notes: "stale" }),
    409,
    "conflict",
  );
  expect(stalePatch.current).toMatchObject({ id: original.id, notes: "v2", version: original.version + 1 });
  const staleDelete = await expectError(await alice.remove(original.id, original.version), 409, "conflict");
  expect(staleDelete.current).toMatchObject({ notes: "v2", version: original.version + 1 });
  expect(await alice.getOk(original.id)).toMatchObject({ notes: "v2", version: original.version + 1 });

  expect((await alice.remove(original.id, original.version + 1)).status()).toBe(204);
  expect((await alice.get(original.id)).status()).toBe(404);
});

test("POST naming another owner is refused (unknown field) and creates nothing", async ({ apiAs }) => {
  const alice = await apiAs("alice");
  const bob = await apiAs("bob");
  const name = uniqueName("owned by alice?");
  const error = await expectError(await bob.create({ name, owner: alice.sub }), 400, "invalid");
  expect(Object.keys(error.fieldErrors ?? {})).toEqual(["owner"]);
  const admin = await apiAs("admin");
  expect((await admin.listOk({ q: name })).total).toBe(0);
});

test("PATCH naming another owner is refused (unknown field) and changes nothing", async ({ apiAs }) => {
  const alice = await apiAs("alice");
  const before = await alice.createOk({ name: uniqueName("alice keeps") });
  const bob = await apiAs("bob");
  const error = await expectError(
    await alice.patch(before.id, { version: before.version, owner: bob.sub }),
    400,
    "invalid",
  );
  expect(Object.keys(error.fieldErrors ?? {})).toEqual(["owner"]);
  expect(await alice.getOk(before.id)).toMatchObject({ owner: alice.sub, version: before.version });
});

test("a POST by bob makes bob the owner", async ({ apiAs }) => {
  const bob = await apiAs("bob");
  const created = await bob.createOk({ name: uniqueName("bob's"), email: "x@example.com", isPrivate: false });
  expect(created).toMatchObject({
    owner: bob.sub,
    ownerEmail: "bob@example.com",
    ownedByUser: true,
    version: 1,
    email: "x@example.com",
    isPrivate: false,
  });
  const asAlice = await (await apiAs("alice")).getOk(created.id);
  expect(asAlice).toMatchObject({ owner: bob.sub, ownerEmail: "bob@example.com", ownedByUser: false });
  expect(asAlice.actions).toEqual({ read: true, update: false, delete: false });
  expect(asAlice.reasons).toEqual({ read: "not private", update: "not the owner", delete: "not the owner" });
});

test("an invalid POST answers 400 with the field errors and saves nothing", async ({ apiAs }) => {
  const alice = await apiAs("alice");
  const company = `Company ${uniqueWord()}`;
  const error = await expectError(await alice.create({ name: "  ", email: "not-an-email", company }), 400, "invalid");
  expect(error.fieldErrors).toEqual({
    name: ["Enter a name."],
    email: ["Enter a valid email address, like name@example.com."],
  });
  expect((await alice.listOk({ q: company })).total).toBe(0);
});

test("search and pagination count only what the user may read", async ({ apiAs }) => {
  const alice = await apiAs("alice");
  const word = uniqueWord();
  // The digit comes before the random part, so the names sort in creation order; the second one is private.
  const names = [1, 2, 3, 4, 5].map((n) => uniqueName(`page ${n}`));
  for (const [index, name] of names.entries())
    await alice.createOk({ name, company: `Acme ${word}`, isPrivate: index === 1 });

  const pages = [];
  for (const page of [1, 2, 3, 4]) pages.push(await alice.listOk({ q: word, page, pageSize: 2 }));
  for (const [index, body] of pages.entries())
    expect(body).toMatchObject({ total: 5, totalExact: true, page: index + 1, pageSize: 2 });
  expect(pages.map((body) => body.contacts.map((contact) => contact.name))).toEqual([
    names.slice(0, 2),
    names.slice(2, 4),
    names.slice(4),
    [],
  ]);

  const bob = await apiAs("bob");
  const bobs = await bob.listOk({ q: word.toUpperCase(), pageSize: 2 });
  expect(bobs.total, "bob does not count alice's private contact").toBe(4);
  expect(bobs.contacts.map((contact) => contact.name)).toEqual([names[0], names[2]]);
});

test("pageSize is capped at 100: 101 is a 400, 100 is fine", async ({ apiAs }) => {
  const alice = await apiAs("alice");
  const error = await expectError(await alice.list({ pageSize: 101 }), 400, "bad_request");
  expect(error.message).toContain("pageSize is at most 100.");
  expect((await alice.listOk({ pageSize: 100 })).pageSize).toBe(100);
  expect((await alice.listOk()).pageSize).toBe(25);
  await expectError(await alice.list({ page: 0 }), 400, "bad_request");
});
