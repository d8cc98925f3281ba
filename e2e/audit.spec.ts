import { expect, test } from "@/e2e/support/contacts-test";
import { accessTokenOf, type ApiContact, uniqueName } from "@/e2e/support/contacts-api";
import { decodeClaims } from "@/e2e/support/forged-tokens";
import { decisionsOf } from "@/e2e/support/stack-logs";
import { AuditPage } from "@/e2e/pages/audit-page";
import { SignedInHeader } from "@/e2e/pages/signed-in-header";
import { PROPOSED_CONTACT_ID } from "@/lib/authz/contact-resources";
import { paths } from "@/lib/paths";

test("an admin sees the PDP's recent decisions, among them one of their own with its request id", async ({
  request,
  pageAs,
  track,
}) => {
  const token = await accessTokenOf("admin");
  // A write always asks the PDP (reads may be answered from the decision caches).
  const created = await request.post(paths.apiContacts, {
    headers: { Authorization: `Bearer ${token}` },
    data: { name: uniqueName("audit") },
  });
  expect(created.status(), await created.text()).toBe(201);
  const contact = ((await created.json()) as { contact: ApiContact }).contact;
  track(contact.id);
  const requestId = created.headers()["x-request-id"] ?? "";
  // The page reads what the PDP has written: wait until its buffer has reached the file.
  expect(await decisionsOf(requestId)).not.toEqual([]);

  const page = await pageAs("admin");
  await page.goto(paths.contacts);
  await new SignedInHeader(page).root.getByRole("link", { name: "Audit", exact: true }).click();
  const audit = new AuditPage(page);
  await expect(audit.heading).toBeVisible();
  await expect(page).toHaveURL((url) => url.pathname === paths.audit);
  const row = audit.rowsOf(requestId).filter({ hasText: "create" });
  await expect(row).toHaveCount(1);
  const sub = String(decodeClaims(token).sub);
  // A create is decided on the proposed contact, before it has an id.
  for (const text of [sub, "admin", `contact:${PROPOSED_CONTACT_ID}`, "ALLOW", "resource.contact.vdefault"]) {
    await expect(row, text).toContainText(text);
  }
  await expect(page.getByText(/decision caches/)).toBeVisible();
});

test("a member and a user in no group get the 404 of a page that does not exist, and no Audit link", async ({
  pageAs,
}) => {
  for (const key of ["alice", "nora"] as const) {
    const page = await pageAs(key);
    const response = await new AuditPage(page).goto();
    expect(response?.status(), key).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Recent decisions" })).toHaveCount(0);
    await expect(new SignedInHeader(page).root.getByRole("link", { name: "Audit", exact: true })).toHaveCount(0);
  }
});

test("a signed-out visitor is sent to sign in", async ({ request }) => {
  const response = await request.get(paths.audit, { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(response.headers().location).toContain(paths.signIn);
});
