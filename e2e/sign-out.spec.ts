import { expect, test, type Page } from "@playwright/test";
import { paths } from "@/lib/paths";
import { ContactsPage } from "@/e2e/pages/contacts-page";
import { HostedUiPage } from "@/e2e/pages/hosted-ui-page";
import { SignInPage } from "@/e2e/pages/sign-in-page";
import { createTestUser } from "@/e2e/support/stand-in";

/** Users of their own: signing out may revoke tokens, which must not end the seeded personas' saved sessions. */

async function expectSignedOut(page: Page): Promise<void> {
  await expect(page).toHaveURL((url) => url.pathname === paths.signIn && url.searchParams.get("signedOut") === "1");
  await expect(page.getByText("You have been signed out.")).toBeVisible();
}

/** Back after sign-out must not show private data again (no cached page, no bfcache restore). */
async function expectBackShowsNothingPrivate(page: Page, email: string): Promise<void> {
  await page.goBack();
  await expect(new SignInPage(page).heading).toBeVisible();
  await expect(new ContactsPage(page).table).toHaveCount(0);
  await expect(page.getByText(email)).toHaveCount(0);
  await new ContactsPage(page).goto();
  await expect(page).toHaveURL((url) => url.pathname === paths.signIn);
}

test("direct session: sign-out ends on the sign-in page and the back button shows nothing private", async ({
  page,
}) => {
  const user = await createTestUser({ group: "user" });
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(user.email, user.password);
  const contacts = new ContactsPage(page);
  await contacts.expectLoaded();
  await contacts.signOut();
  await expectSignedOut(page);
  await expectBackShowsNothingPrivate(page, user.email);
});

test("Hosted UI session: sign-out also ends the stand-in's session", async ({ page }) => {
  const user = await createTestUser({ group: "user" });
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.startHostedUi();
  const hostedUi = new HostedUiPage(page);
  await hostedUi.signIn(user.email, user.password);
  const contacts = new ContactsPage(page);
  await contacts.expectLoaded();

  const logoutVisits: string[] = [];
  page.on("request", (request) => {
    if (request.url().startsWith("http://127.0.0.1:9329/logout")) logoutVisits.push(request.url());
  });
  await contacts.signOut();
  await expectSignedOut(page);
  expect(logoutVisits, "sign-out passes through the stand-in's /logout").toHaveLength(1);
  await expectBackShowsNothingPrivate(page, user.email);

  // Without its SSO cookie the stand-in must ask for credentials again rather than sign straight back in.
  await signIn.goto();
  await signIn.startHostedUi();
  await hostedUi.expectLoaded();
  await expect(hostedUi.email).toBeVisible();
});
