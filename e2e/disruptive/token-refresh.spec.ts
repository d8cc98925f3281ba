import { expect, test, type Page } from "@playwright/test";
import { paths } from "@/lib/paths";
import { ContactFormPage } from "@/e2e/pages/contact-form-page";
import { ContactsPage } from "@/e2e/pages/contacts-page";
import { HostedUiPage } from "@/e2e/pages/hosted-ui-page";
import { SignInPage } from "@/e2e/pages/sign-in-page";
import {
  createTestUser,
  deleteTestUser,
  describeAppClient,
  updateAppClient,
  type TestUser,
} from "@/e2e/support/stand-in";

/**
 * Shortens the app client's access-token lifetime for the whole pool, so these run in the disruptive project
 * (alone): any other session signed in meanwhile would get short tokens too. Long enough that a freshly
 * refreshed token outlives the app's expiry margin (lib/auth/token/lifetime.ts) while the page renders.
 */
const SHORT_VALIDITY_SECONDS = 12;

type Validity = { validity: number; unit: "seconds" | "minutes" | "hours" | "days" };
const SEEDED: Validity = { validity: 60, unit: "minutes" };
let restore: Validity = SEEDED;

test.beforeAll(async () => {
  const client = await describeAppClient();
  const unit = client.TokenValidityUnits?.AccessToken;
  // A "seconds" value can only be ours, left by a run that died before restoring it.
  restore =
    client.AccessTokenValidity && unit && unit !== "seconds" ? { validity: client.AccessTokenValidity, unit } : SEEDED;
  await updateAppClient({
    AccessTokenValidity: SHORT_VALIDITY_SECONDS,
    TokenValidityUnits: { AccessToken: "seconds" },
  });
});

test.afterAll(async () => {
  await updateAppClient({ AccessTokenValidity: restore.validity, TokenValidityUnits: { AccessToken: restore.unit } });
});

async function signInDirect(page: Page, user: TestUser) {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(user.email, user.password);
}

async function signInHostedUi(page: Page, user: TestUser) {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.startHostedUi();
  await new HostedUiPage(page).signIn(user.email, user.password);
}

/** Waits until the access token the page was rendered with has expired (exp has one-second resolution). */
async function waitPastExpiry(claims: Record<string, unknown>): Promise<void> {
  const exp = Number(claims.exp);
  expect(exp - Date.now() / 1000, "the short validity applies").toBeLessThanOrEqual(SHORT_VALIDITY_SECONDS + 1);
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, exp * 1000 - Date.now()) + 1_500));
}

for (const [kind, signIn] of [
  ["direct", signInDirect],
  ["Hosted UI", signInHostedUi],
] as const) {
  test(`${kind} session: an expired access token is refreshed and the page still renders`, async ({ page }) => {
    const user = await createTestUser({ group: "user" });
    await signIn(page, user);
    const contacts = new ContactsPage(page);
    await contacts.expectLoaded();
    await contacts.openInspector();
    const before = await contacts.claims();

    await waitPastExpiry(before);
    await page.reload();
    await contacts.expectLoaded();
    const after = await contacts.claims();
    expect(after.jti).not.toEqual(before.jti);
    expect(Number(after.exp)).toBeGreaterThan(Number(before.exp));
    expect(after.sub).toEqual(before.sub);
  });

  test(`${kind} session: a form submitted after the access token expired still saves (the action refreshes)`, async ({
    page,
  }) => {
    const user = await createTestUser({ group: "user" });
    await signIn(page, user);
    await new ContactsPage(page).expectLoaded();

    const form = new ContactFormPage(page);
    await form.gotoNew();
    const name = `Zz refreshed in an action ${Date.now()}`;
    await form.fill({ name });
    // Whatever token rendered the form was issued by now, so it has certainly expired after one full lifetime.
    await new Promise((resolve) => setTimeout(resolve, SHORT_VALIDITY_SECONDS * 1000 + 1_500));
    await form.createButton.click();
    await expect(page).toHaveURL(/\/contacts\/[0-9a-f-]{36}\?created=1$/);
    await expect(page.getByRole("heading", { level: 1, name, exact: true })).toBeVisible();
  });

  test(`${kind} session: when refresh fails the user is asked to sign in again`, async ({ page }) => {
    const user = await createTestUser({ group: "user" });
    await signIn(page, user);
    const contacts = new ContactsPage(page);
    await contacts.expectLoaded();
    await contacts.openInspector();
    const before = await contacts.claims();

    // A deleted user's refresh token is refused by the stand-in, as Cognito would.
    await deleteTestUser(user.email);
    await waitPastExpiry(before);
    await page.reload();
    await expect(page).toHaveURL(
      (url) => url.pathname === paths.signIn && url.searchParams.get("error") === "SessionExpired",
    );
    await expect(page.getByText("Your session has expired. Please sign in again.")).toBeVisible();
  });
}
