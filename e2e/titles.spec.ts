import { expect, type Page } from "@playwright/test";
import { paths } from "@/lib/paths";
import { uniqueName } from "@/e2e/support/contacts-api";
import { test } from "@/e2e/support/contacts-test";

const APP = "Cognito + Cerbos";

async function expectTitle(page: Page, path: string, title: string): Promise<void> {
  await page.goto(path);
  await expect(page, path).toHaveTitle(title);
}

test("signed-out pages: '<page> · Cognito + Cerbos'", async ({ page }) => {
  await expectTitle(page, paths.signIn, `Sign in · ${APP}`);
  await expectTitle(page, "/no-such-page", `Not found · ${APP}`);
  await expectTitle(page, `${paths.unavailable}?reason=database`, `The database is unavailable · ${APP}`);
});

test("signed-in pages: the most specific part first, then the section, then the app", async ({ apiAs, pageAs }) => {
  test.setTimeout(90_000);
  const name = uniqueName("title");
  const contact = await (await apiAs("alice")).createOk({ name });
  const page = await pageAs("alice");
  await expectTitle(page, paths.contacts, `Contacts · ${APP}`);
  await expectTitle(page, paths.contactDetail(contact.id), `${name} · Contacts · ${APP}`);
  await expectTitle(page, paths.editContact(contact.id), `Edit ${name} · Contacts · ${APP}`);
  await expectTitle(page, paths.deleteContact(contact.id), `Delete ${name} · Contacts · ${APP}`);
  await expectTitle(page, paths.newContact, `New contact · Contacts · ${APP}`);
  await expectTitle(page, paths.sessions, `Your sessions · ${APP}`);
  await expectTitle(page, paths.contactDetail("00000000-0000-4000-8000-000000000000"), `Not found · ${APP}`);
  await expectTitle(page, "/no-such-page", `Not found · ${APP}`);
});
