import type { APIResponse } from "@playwright/test";
import { paths } from "@/lib/paths";
import { ContactFormPage } from "@/e2e/pages/contact-form-page";
import { uniqueName, type ApiErrorBody } from "@/e2e/support/contacts-api";
import { expect, test } from "@/e2e/support/contacts-test";

/** Bad input is a 4xx that says what is wrong, never a 500, and changes nothing. */
async function expectRefused(response: APIResponse, status: number, code: string): Promise<ApiErrorBody["error"]> {
  expect(response.status(), await response.text()).toBe(status);
  const { error } = (await response.json()) as ApiErrorBody;
  expect(error.code).toBe(code);
  return error;
}

test("a NUL or another control character in the search is a 400, not a database error", async ({ apiAs }) => {
  const alice = await apiAs("alice");
  for (const q of ["a\u0000b", "\u001b[2J"]) {
    const error = await expectRefused(await alice.list({ q }), 400, "bad_request");
    expect(error.message).toBe("q contains a control character.");
  }
});

test("a NUL in any text field is a field error, on create and on update", async ({ apiAs }) => {
  const alice = await apiAs("alice");
  const name = uniqueName("nul");
  for (const field of ["name", "email", "phone", "company", "notes"]) {
    const body = { name, [field]: field === "name" ? `${name}\u0000` : "x\u0000y" };
    const error = await expectRefused(await alice.create(body), 400, "invalid");
    expect(error.fieldErrors?.[field]?.join(" ")).toMatch(/contains a control character/);
  }
  expect((await alice.listOk({ q: name })).total).toBe(0);

  const contact = await alice.createOk({ name, notes: "line one\nline two\ttabbed" });
  const error = await expectRefused(
    await alice.patch(contact.id, { version: contact.version, company: "A\u0000" }),
    400,
    "invalid",
  );
  expect(error.fieldErrors).toEqual({ company: ["Company contains a control character."] });
  expect(await alice.getOk(contact.id)).toMatchObject({
    version: contact.version,
    company: null,
    notes: "line one\nline two\ttabbed",
  });
});

test("__proto__, constructor and prototype in a body are unknown fields, not silently dropped", async ({ apiAs }) => {
  const alice = await apiAs("alice");
  const contact = await alice.createOk({ name: uniqueName("proto") });
  for (const key of ["__proto__", "constructor", "prototype"]) {
    const json = `{"version": ${contact.version}, "company": "Changed", "${key}": {"isPrivate": true}}`;
    const error = await expectRefused(await alice.send("PATCH", json, contact.id), 400, "invalid");
    expect(error.fieldErrors).toEqual({ [key]: [`Unknown field "${key}".`] });
    const created = await expectRefused(await alice.send("POST", `{"name": "x", "${key}": {}}`), 400, "invalid");
    expect(Object.keys(created.fieldErrors ?? {})).toEqual([key]);
  }
  expect(await alice.getOk(contact.id)).toMatchObject({ version: contact.version, company: null });
});

test('version must be a JSON integer: true, [3] or "3" are refused', async ({ apiAs }) => {
  const alice = await apiAs("alice");
  const contact = await alice.createOk({ name: uniqueName("version types") });
  for (const version of [true, [contact.version], String(contact.version), 1.5, 0, null]) {
    const error = await expectRefused(await alice.patch(contact.id, { version, company: "Changed" }), 400, "invalid");
    expect(Object.keys(error.fieldErrors ?? {}), JSON.stringify(version)).toEqual(["version"]);
  }
  expect(await alice.getOk(contact.id)).toMatchObject({ version: contact.version, company: null });
});

test("DELETE needs ?version=n like PATCH needs a version", async ({ apiAs }) => {
  const alice = await apiAs("alice");
  const contact = await alice.createOk({ name: uniqueName("delete version") });
  const missing = await expectRefused(await alice.remove(contact.id), 400, "invalid");
  expect(missing.fieldErrors?.version).toEqual(["Send the version of the contact you loaded."]);
  for (const version of ["true", "1e0", "[1]", "0"]) {
    expect(
      (await expectRefused(await alice.remove(contact.id, version), 400, "invalid")).fieldErrors,
      version,
    ).toHaveProperty("version");
  }
  expect((await alice.getOk(contact.id)).version).toBe(contact.version);
  expect((await alice.remove(contact.id, contact.version)).status()).toBe(204);
});

test("a JSON body over 64 KB is a 413 and creates nothing", async ({ apiAs }) => {
  const alice = await apiAs("alice");
  const name = uniqueName("big body");
  const json = JSON.stringify({ name, notes: "x".repeat(65 * 1024) });
  const error = await expectRefused(await alice.send("POST", json), 413, "payload_too_large");
  expect(error.message).toBe("The body is larger than 64 KB; nothing was changed.");
  expect((await alice.listOk({ q: name })).total).toBe(0);
  // Just under the limit is read and validated as usual (notes are at most 2000 characters).
  const fits = await expectRefused(
    await alice.send("POST", JSON.stringify({ name, notes: "x".repeat(60 * 1024) })),
    400,
    "invalid",
  );
  expect(fits.fieldErrors).toHaveProperty("notes");
});

test("through the pages: a NUL in the search box or a form field is a message, not an error page", async ({
  pageAs,
}) => {
  const page = await pageAs("alice");
  await page.goto(paths.contactsWith({ q: "ada\u0000" }));
  await expect(page.locator("#q-error")).toHaveText("q contains a control character.");

  const form = new ContactFormPage(page);
  await form.gotoNew();
  await form.fill({ name: uniqueName("nul form") });
  // Typing cannot produce a NUL; a script or a forged post can.
  await form.fields.company.evaluate((element) => ((element as HTMLInputElement).value = "Acme\u0000"));
  await form.createButton.click();
  await expect(form.fieldError("company")).toHaveText("Company contains a control character.");
  await expect(page).toHaveURL((url) => url.pathname === paths.newContact);
});
