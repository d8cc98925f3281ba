import { paths } from "@/lib/paths";
import { ContactsPage } from "@/e2e/pages/contacts-page";
import { SignedInHeader } from "@/e2e/pages/signed-in-header";
import { SignInPage } from "@/e2e/pages/sign-in-page";
import { uniqueName } from "@/e2e/support/contacts-api";
import { expect, test } from "@/e2e/support/contacts-test";
import { personas } from "@/e2e/support/personas";

test("every signed-in page has the one header: app name, Contacts, Sessions, the user and roles, Sign out", async ({
  apiAs,
  pageAs,
}) => {
  test.setTimeout(90_000);
  const contact = await (await apiAs("alice")).createOk({ name: uniqueName("header") });
  const page = await pageAs("alice");
  const header = new SignedInHeader(page);
  for (const path of [
    paths.contacts,
    paths.contactDetail(contact.id),
    paths.newContact,
    paths.editContact(contact.id),
    paths.deleteContact(contact.id),
    paths.sessions,
    // A contact that does not exist, and an unknown address: the 404 keeps the header too.
    paths.contactDetail("00000000-0000-4000-8000-000000000000"),
    "/no-such-page",
  ]) {
    await page.goto(path);
    await expect(page.locator("h1"), path).toBeVisible();
    await header.expectShownFor(personas.alice);
    await expect(page.locator("header"), `${path}: exactly one header`).toHaveCount(1);
  }
});

test("the header's links lead to the list and the sessions page", async ({ pageAs }) => {
  const page = await pageAs("bob");
  const header = new SignedInHeader(page);
  await page.goto(paths.sessions);
  await header.appName.click();
  await new ContactsPage(page).expectLoaded();
  await header.sessionsLink.click();
  await expect(page).toHaveURL((url) => url.pathname === paths.sessions);
  await header.contactsLink.click();
  await new ContactsPage(page).expectLoaded();
});

test("an admin's roles, and 'none' (never the internal no_role) for a user in no group", async ({ pageAs }) => {
  const admin = await pageAs("admin");
  await admin.goto(paths.contacts);
  await new SignedInHeader(admin).expectShownFor(personas.admin);

  const nora = await pageAs("nora");
  for (const path of [paths.contacts, paths.newContact]) {
    await nora.goto(path);
    await new SignedInHeader(nora).expectShownFor(personas.nora);
    // The inspector shows no_role where it belongs: in the request sent to Cerbos.
    await expect(new SignedInHeader(nora).user, path).not.toContainText("no_role");
  }
  await nora.goto(paths.contacts);
  await expect(new ContactsPage(nora).noRolesMessage).toBeVisible();
});

test("Sign out in the header works from a contact's page", async ({ page }) => {
  // A session of its own: signing out revokes it, and the saved personas are shared by other specs.
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(personas.bob.email, personas.bob.password);
  const list = new ContactsPage(page);
  await list.expectLoaded();
  await list.table.getByRole("rowheader").first().getByRole("link").click();
  await expect(page).toHaveURL((url) => url.pathname.startsWith(`${paths.contacts}/`));
  const header = new SignedInHeader(page);
  await header.signOutButton.click();
  await expect(page).toHaveURL((url) => url.pathname === paths.signIn);
  await page.goto(paths.contacts);
  await expect(page).toHaveURL((url) => url.pathname === paths.signIn);
});
