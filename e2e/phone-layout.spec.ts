import { paths } from "@/lib/paths";
import { ContactsPage } from "@/e2e/pages/contacts-page";
import { uniqueName } from "@/e2e/support/contacts-api";
import { expect, test } from "@/e2e/support/contacts-test";
import { storageStatePath } from "@/e2e/support/personas";
import { expectNoHorizontalScroll, expectWithinViewportWidth, PHONE } from "@/e2e/support/viewport";

test.use({ viewport: PHONE, storageState: storageStatePath("alice") });
// Several pages per test: on a busy two-core machine that is more than the default 30 s.
test.describe.configure({ timeout: 90_000 });

test("at 390 px every listed contact shows its three decisions on screen, with no sideways scrolling", async ({
  page,
}) => {
  const list = new ContactsPage(page);
  await list.goto();
  await expect(list.table).toBeVisible();
  await expectNoHorizontalScroll(page, "the contacts list");
  const rows = await list.table.locator("tbody tr").all();
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    const id = await row.getAttribute("data-contact-id");
    for (const action of ["read", "update", "delete"]) {
      const decision = row.locator(`[data-action="${action}"]`);
      await decision.scrollIntoViewIfNeeded();
      await expect(decision).toBeInViewport();
      await expectWithinViewportWidth(decision, `${action} of ${id}`);
    }
  }
  // The same page objects read the phone layout: the decisions are those of the desktop table.
  const decisions = await list.rows();
  expect(decisions.every((row) => /^(Allowed|Denied)$/.test(row.read))).toBe(true);
});

test("at 390 px the inspector's SQL line wraps instead of widening the page", async ({ page }) => {
  const list = new ContactsPage(page);
  await list.goto();
  await list.openInspector();
  const sql = page.getByTestId("plan-sql");
  await expect(sql).toBeVisible();
  const { scrollWidth, clientWidth } = await sql.evaluate((element) => ({
    scrollWidth: element.scrollWidth,
    clientWidth: element.clientWidth,
  }));
  expect(scrollWidth, "the SQL filter needs no sideways scrolling").toBeLessThanOrEqual(clientWidth);
  await expectNoHorizontalScroll(page, "the list with the inspector open");
});

test("at 390 px the other pages fit the screen too", async ({ page, apiAs }) => {
  const contact = await (
    await apiAs("alice")
  ).createOk({
    name: uniqueName("phone"),
    email: "a.rather.long.address.for.a.small.screen@example.com",
    notes: "Notes long enough to wrap on a phone screen rather than push the page wider than it is.",
  });
  for (const path of [
    paths.contactDetail(contact.id),
    paths.newContact,
    paths.editContact(contact.id),
    paths.deleteContact(contact.id),
    paths.sessions,
  ]) {
    await page.goto(path);
    await expect(page.locator("h1"), path).toBeVisible();
    await expectNoHorizontalScroll(page, path);
  }
});

test("at 390 px the sign-in page fits the screen", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, viewport: PHONE });
  const page = await context.newPage();
  await page.goto(paths.signIn);
  await expect(page.locator("h1")).toBeVisible();
  await expectNoHorizontalScroll(page, paths.signIn);
  await context.close();
});
