import { randomUUID } from "node:crypto";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { paths } from "@/lib/paths";
import { accessTokenOf, uniqueName, type ApiErrorBody } from "@/e2e/support/contacts-api";
import { expect, test } from "@/e2e/support/contacts-test";
import { personas, type Persona } from "@/e2e/support/personas";
import { SharesApi } from "@/e2e/support/shares-api";

/** GET/PUT/DELETE /api/contacts/:id/shares: every caller, every bad body, the same statuses as the rest of the API. */
const { admin, alice, bob, nora } = personas;

async function expectError(response: APIResponse, status: number, code: string): Promise<ApiErrorBody["error"]> {
  expect(response.status(), await response.text()).toBe(status);
  const { error } = (await response.json()) as ApiErrorBody;
  expect(error.code).toBe(code);
  expect(error.message).toEqual(expect.any(String));
  return error;
}

async function sharesAs(request: APIRequestContext, key: Persona["key"]): Promise<SharesApi> {
  return new SharesApi(request, await accessTokenOf(key));
}

test("the owner adds (201), re-adds and changes (200), lists and revokes (204, then 404) a share", async ({
  request,
  apiAs,
}) => {
  const contact = await (await apiAs("alice")).createOk({ name: uniqueName("api owner"), isPrivate: true });
  const shares = await sharesAs(request, "alice");
  expect(await shares.listOk(contact.id)).toEqual([]);

  const added = await shares.putOk(contact.id, "Bob@Example.com", "viewer");
  expect(added).toEqual({ email: bob.email, role: "viewer", sharedBy: alice.email, sharedAt: expect.any(String) });
  expect(await shares.putOk(contact.id, bob.email, "viewer", 200)).toMatchObject({ role: "viewer" });
  expect(await shares.putOk(contact.id, bob.email, "editor", 200)).toMatchObject({ role: "editor" });
  expect(await shares.listOk(contact.id)).toEqual([{ ...added, role: "editor", sharedAt: expect.any(String) }]);

  const revoked = await shares.remove(contact.id, bob.email);
  expect(revoked.status()).toBe(204);
  expect(await revoked.text()).toBe("");
  const again = await expectError(await shares.remove(contact.id, bob.email), 404, "not_found");
  expect(again.message).toBe(`This contact is not shared with ${bob.email}; nothing was changed.`);
  expect(await shares.listOk(contact.id)).toEqual([]);
});

test("an admin manages the shares of anyone's private contact; DELETE takes a JSON body too", async ({
  request,
  apiAs,
}) => {
  const contact = await (await apiAs("alice")).createOk({ name: uniqueName("api admin"), isPrivate: true });
  const shares = await sharesAs(request, "admin");
  expect(await shares.putOk(contact.id, bob.email, "editor")).toMatchObject({ sharedBy: admin.email });
  expect(await (await sharesAs(request, "alice")).listOk(contact.id)).toMatchObject([{ email: bob.email }]);
  expect((await shares.remove(contact.id, bob.email, { body: true })).status()).toBe(204);
  expect(await shares.listOk(contact.id)).toEqual([]);
});

test("someone who may read but not share gets 403; who may not read gets 404; nothing changes", async ({
  request,
  apiAs,
}) => {
  const owner = await apiAs("alice");
  const open = await owner.createOk({ name: uniqueName("api public"), isPrivate: false });
  const hidden = await owner.createOk({ name: uniqueName("api private"), isPrivate: true });
  const aliceShares = await sharesAs(request, "alice");
  await aliceShares.putOk(open.id, nora.email, "viewer");

  const bobShares = await sharesAs(request, "bob");
  const refused = await expectError(await bobShares.list(open.id), 403, "forbidden");
  expect(refused.message).toBe("You may not share this contact (not the owner).");
  await expectError(await bobShares.put(open.id, { email: bob.email, role: "editor" }), 403, "forbidden");
  await expectError(await bobShares.remove(open.id, nora.email), 403, "forbidden");
  for (const shares of [bobShares, await sharesAs(request, "nora")]) {
    await expectError(await shares.list(hidden.id), 404, "not_found");
    await expectError(await shares.put(hidden.id, { email: bob.email, role: "viewer" }), 404, "not_found");
    await expectError(await shares.remove(hidden.id, bob.email), 404, "not_found");
  }
  expect(await aliceShares.listOk(open.id)).toMatchObject([{ email: nora.email, role: "viewer" }]);
  expect(await aliceShares.listOk(hidden.id)).toEqual([]);
});

test("bad bodies are 400 (or 413) with the field named, and change nothing", async ({ request, apiAs }) => {
  const contact = await (await apiAs("alice")).createOk({ name: uniqueName("api bodies"), isPrivate: true });
  const shares = await sharesAs(request, "alice");
  const fieldCases: [Record<string, unknown>, string, string][] = [
    [{ email: "nobody@example.com", role: "viewer" }, "email", "No user with that email in the directory."],
    [{ email: alice.email, role: "viewer" }, "email", "You cannot share a contact with yourself."],
    [{ email: "not-an-email", role: "viewer" }, "email", "Enter a valid email address."],
    [{ role: "viewer" }, "email", "Enter the email of the person to share with."],
    [{ email: bob.email, role: "owner" }, "role", 'Choose "viewer" or "editor".'],
    [{ email: bob.email }, "role", 'Choose "viewer" or "editor".'],
    [{ email: bob.email, role: "viewer", sharedBy: alice.email }, "sharedBy", 'Unknown field "sharedBy".'],
    [{ email: bob.email, role: "viewer", contactId: randomUUID() }, "contactId", 'Unknown field "contactId".'],
  ];
  for (const [body, field, message] of fieldCases) {
    const error = await expectError(await shares.put(contact.id, body), 400, "invalid");
    expect(error.fieldErrors?.[field], JSON.stringify(body)).toEqual([message]);
  }
  const owned = await expectError(
    await (await sharesAs(request, "admin")).put(contact.id, { email: alice.email, role: "editor" }),
    400,
    "invalid",
  );
  expect(owned.fieldErrors?.email).toEqual([`${alice.email} owns this contact and has full access already.`]);

  await expectError(await shares.put(contact.id, "{not json"), 400, "bad_request");
  await expectError(await shares.put(contact.id, "[1]"), 400, "bad_request");
  await expectError(
    await shares.put(contact.id, JSON.stringify({ email: "x".repeat(70_000) })),
    413,
    "payload_too_large",
  );
  const withoutType = await request.put(paths.apiContactShares(contact.id), {
    headers: { Authorization: `Bearer ${await accessTokenOf("alice")}` },
    data: Buffer.from(JSON.stringify({ email: bob.email, role: "viewer" })),
  });
  await expectError(withoutType, 400, "bad_request");
  const noEmail = await expectError(await shares.remove(contact.id), 400, "invalid");
  expect(noEmail.fieldErrors?.email).toEqual(["Enter the email of the person to share with."]);
  expect(await shares.listOk(contact.id)).toEqual([]);
});

test("an unknown contact is 404 and a malformed id is 404 or 400, as for the contact itself", async ({ request }) => {
  const shares = await sharesAs(request, "admin");
  const unknown = randomUUID();
  await expectError(await shares.list(unknown), 404, "not_found");
  await expectError(await shares.put(unknown, { email: bob.email, role: "viewer" }), 404, "not_found");
  await expectError(await shares.remove(unknown, bob.email), 404, "not_found");
  await expectError(await shares.list("nope"), 404, "not_found");
  const malformed = await expectError(await shares.put("nope", { email: bob.email, role: "viewer" }), 400, "invalid");
  expect(malformed.fieldErrors?.contactId).toEqual(["Not a contact id."]);
});

test("without a valid token every method is a 401 with a Bearer challenge", async ({ request, apiAs }) => {
  const contact = await (await apiAs("alice")).createOk({ name: uniqueName("api no token") });
  for (const token of [null, "not-a-jwt"]) {
    const shares = new SharesApi(request, token);
    for (const response of [
      await shares.list(contact.id),
      await shares.put(contact.id, { email: bob.email, role: "viewer" }),
      await shares.remove(contact.id, bob.email),
    ]) {
      await expectError(response, 401, "unauthorized");
      expect(response.headers()["www-authenticate"]).toMatch(/^Bearer realm="contacts"/);
    }
  }
  expect(await (await sharesAs(request, "alice")).listOk(contact.id)).toEqual([]);
});

test("a signed-in browser's session cookie is not a credential here: only a Bearer token is (401)", async ({
  pageAs,
  apiAs,
  request,
}) => {
  const contact = await (await apiAs("alice")).createOk({ name: uniqueName("api cookie"), isPrivate: true });
  const browser = (await pageAs("alice")).request;
  await expectError(await browser.get(paths.apiContactShares(contact.id)), 401, "unauthorized");
  const put = await browser.put(paths.apiContactShares(contact.id), { data: { email: bob.email, role: "viewer" } });
  await expectError(put, 401, "unauthorized");
  expect(await (await sharesAs(request, "alice")).listOk(contact.id)).toEqual([]);
});

test.describe("sharees (needs the shared_viewer / shared_editor rules)", () => {
  for (const role of ["viewer", "editor"] as const) {
    test(`as ${role}, bob may not list, add, change or revoke shares (403), and nothing changes`, async ({
      request,
      apiAs,
    }) => {
      const contact = await (await apiAs("alice")).createOk({ name: uniqueName(`api ${role}`), isPrivate: true });
      const aliceShares = await sharesAs(request, "alice");
      await aliceShares.putOk(contact.id, bob.email, role);
      await aliceShares.putOk(contact.id, nora.email, "viewer");

      const bobShares = await sharesAs(request, "bob");
      const listed = await expectError(await bobShares.list(contact.id), 403, "forbidden");
      expect(listed.message).toMatch(/^You may not share this contact \(.+\)\.$/);
      await expectError(await bobShares.put(contact.id, { email: bob.email, role: "editor" }), 403, "forbidden");
      await expectError(await bobShares.put(contact.id, { email: nora.email, role: "editor" }), 403, "forbidden");
      await expectError(await bobShares.remove(contact.id, nora.email), 403, "forbidden");
      await expectError(await bobShares.remove(contact.id, bob.email), 403, "forbidden");
      expect((await aliceShares.listOk(contact.id)).map(({ email, role }) => ({ email, role }))).toEqual([
        { email: bob.email, role },
        { email: nora.email, role: "viewer" },
      ]);
    });
  }
});
