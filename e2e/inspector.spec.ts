import { ContactsPage } from "@/e2e/pages/contacts-page";
import { expect, test } from "@/e2e/support/contacts-test";
import { paths } from "@/lib/paths";

test("the token's epoch times are shown with their ISO date beside them", async ({ pageAs }) => {
  const list = new ContactsPage(await pageAs("alice"));
  await list.goto();
  await list.openInspector();
  const claims = await list.claims();
  for (const field of ["exp", "iat", "auth_time"]) {
    const epoch = claims[field];
    expect(epoch, field).toEqual(expect.any(Number));
    const iso = new Date((epoch as number) * 1000).toISOString();
    const line = list.claimDate(field);
    await expect(line, field).toHaveText(`${epoch} = ${iso}`);
    await expect(line.locator("time"), field).toHaveAttribute("datetime", iso);
  }
});

// Changed with the inspector on demand: the page now asks about "create" in the row batch, so a user with no rows
// still has one CheckResources call (the proposed new contact only), where there used to be none.
test("for a user with no roles the inspector shows the one CheckResources question: creating a contact", async ({
  pageAs,
}) => {
  const list = new ContactsPage(await pageAs("nora"));
  await list.goto();
  await list.openInspector();
  const request = JSON.parse((await list.cerbosRequest.textContent()) ?? "null") as { resources: unknown[] };
  expect(request.resources).toEqual([
    { resource: { kind: "contact", id: "new", attr: expect.any(Object) }, actions: ["create"] },
  ]);
  const response = JSON.parse((await list.cerbosResponse.textContent()) ?? "null") as { results: unknown[] };
  expect(response.results).toEqual([expect.objectContaining({ actions: { create: "EFFECT_DENY" } })]);
});

test("a normal load carries no inspector; its link opens it on the same search and page", async ({ pageAs }) => {
  const page = await pageAs("alice");
  const list = new ContactsPage(page);
  const response = await page.goto(paths.contactsWith({ q: "a", pageSize: 10 }));
  const html = (await response?.text()) ?? "";
  expect(html).not.toContain("cerbosCallId");
  expect(html).not.toContain("token-claims");
  await expect(list.inspector).toHaveCount(0);
  await list.openInspector();
  expect(new URL(page.url()).search).toBe(
    new URL(paths.contactsWith({ q: "a", pageSize: 10, inspect: true }), "http://x").search,
  );
  await expect(list.inspector).toContainText("may be answered from the decision cache");
  await expect(page.getByTestId("plan-request")).toContainText('"actions"');
  await expect(list.cerbosResponse).toContainText("cerbosCallId");
});

test("the inspector shows the share lists sent to Cerbos and the EXISTS the plan became", async ({ pageAs }) => {
  const list = new ContactsPage(await pageAs("alice"));
  await list.goto();
  await list.openInspector();
  const sub = (await list.claims()).sub as string;
  // The plan's conditions on the lists (principal id in viewers/editors) and their SQL: an EXISTS over the shares.
  await expect(list.page.getByTestId("plan-response")).toContainText("request.resource.attr.viewers");
  await expect(list.page.getByTestId("plan-response")).toContainText("request.resource.attr.editors");
  const filter = list.page.getByTestId("plan-sql");
  await expect(filter).toContainText(`EXISTS(contact_shares: viewer = '${sub}')`);
  await expect(filter).toContainText(`EXISTS(contact_shares: editor = '${sub}')`);
  // Every contact asked about carries both lists, empty or not (the proposed new contact too).
  const request = JSON.parse((await list.cerbosRequest.textContent()) ?? "null") as {
    resources: { resource: { attr: Record<string, unknown> } }[];
  };
  expect(request.resources.length).toBeGreaterThan(1);
  for (const { resource } of request.resources) {
    expect(resource.attr).toEqual(expect.objectContaining({ viewers: expect.any(Array), editors: expect.any(Array) }));
  }
});
