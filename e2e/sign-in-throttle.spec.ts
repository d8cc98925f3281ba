import { randomUUID } from "node:crypto";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { paths } from "@/lib/paths";
import { HostedUiPage } from "@/e2e/pages/hosted-ui-page";
import { NewPasswordPage } from "@/e2e/pages/new-password-page";
import { SignInPage } from "@/e2e/pages/sign-in-page";
import { createTestUser } from "@/e2e/support/stand-in";

// Every test uses users of its own: the seeded personas sign in from this same address throughout the suite and
// must never be throttled. (The per-address limit of 100 is proven in lib/auth/sign-in/throttle.test.ts: reaching
// it here would throttle every later sign-in of the run.)
const TOO_MANY = /^Too many attempts\. Try again in \d+ minutes?\.$/;
const INCORRECT = "Incorrect email or password.";

/**
 * Submits a form and waits until the server action has answered and React has reset the form (which empties
 * `resetField`): filling the next attempt earlier would race the reset and send an empty password.
 */
async function submitAndSettle(page: Page, pathname: string, submit: () => Promise<void>, resetField: Locator) {
  const answered = page.waitForResponse(
    (response) => response.request().method() === "POST" && new URL(response.url()).pathname === pathname,
  );
  await submit();
  await answered;
  await expect(resetField).toHaveValue("");
}

/** One direct sign-in attempt; returns the message the form then shows. */
async function attempt(signIn: SignInPage, email: string, password: string): Promise<string> {
  await submitAndSettle(signIn.page, paths.signIn, () => signIn.signIn(email, password), signIn.password);
  return (await signIn.alert.textContent()) ?? "";
}

async function failFiveTimes(signIn: SignInPage, email: string): Promise<void> {
  for (let n = 1; n <= 5; n++) expect(await attempt(signIn, email, `Wrong#Pass${n}`)).toBe(INCORRECT);
}

test("five wrong passwords make the sixth attempt wait, even with the right password", async ({ page }) => {
  const user = await createTestUser({ group: "user" });
  const signIn = new SignInPage(page);
  await signIn.goto();
  await failFiveTimes(signIn, user.email);
  expect(await attempt(signIn, user.email, user.password)).toMatch(TOO_MANY);
  await expect(page).toHaveURL((url) => url.pathname === paths.signIn);
  // Case and spaces do not make a new account to guess at.
  expect(await attempt(signIn, `  ${user.email.toUpperCase()} `, user.password)).toMatch(TOO_MANY);
  expect((await page.context().cookies()).map((cookie) => cookie.name)).not.toContain("contacts_session");
});

test("an unknown email is answered exactly like an existing one, try for try", async ({ page }) => {
  const user = await createTestUser({ group: "user" });
  const ghost = `nobody-${randomUUID().slice(0, 8)}@example.com`;
  const signIn = new SignInPage(page);
  await signIn.goto();
  const answers: Record<string, string[]> = {};
  for (const email of [user.email, ghost]) {
    answers[email] = [];
    for (let n = 1; n <= 7; n++) answers[email].push(await attempt(signIn, email, `Wrong#Pass${n}`));
  }
  expect(answers[ghost]).toEqual(answers[user.email]);
  expect(answers[ghost]?.slice(5)).toEqual([expect.stringMatching(TOO_MANY), expect.stringMatching(TOO_MANY)]);
});

test("the new-password step is throttled too", async ({ page }) => {
  const user = await createTestUser({ group: "user", temporary: true });
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(user.email, user.password);
  const newPassword = new NewPasswordPage(page);
  await newPassword.expectLoaded();
  const choose = (password: string) =>
    submitAndSettle(page, paths.newPassword, () => newPassword.choose(password), newPassword.newPassword);
  for (let n = 1; n <= 5; n++) {
    // Long enough for the form, refused by the pool's policy (no symbol, no upper case): a failure at Cognito.
    await choose(`weakpassword${n}`);
    await expect(page.getByText(/Password does not conform to policy/)).toBeVisible();
  }
  await choose("Chosen#Pass2");
  await expect(page.getByRole("alert").filter({ hasText: TOO_MANY })).toBeVisible();
  await expect(page).toHaveURL((url) => url.pathname === paths.newPassword);
});

test("a wrong temporary password is refused at the form, with no new-password step", async ({ page }) => {
  const user = await createTestUser({ group: "user", temporary: true });
  const signIn = new SignInPage(page);
  await signIn.goto();
  expect(await attempt(signIn, user.email, "Wrong#Pass1")).toBe(INCORRECT);
  await expect(page).toHaveURL((url) => url.pathname === paths.signIn);
  await page.goto(paths.newPassword);
  await expect(page).toHaveURL((url) => url.pathname === paths.signIn);
});

test("a wrong temporary password is refused at the Hosted UI, with no new-password step", async ({ page }) => {
  const user = await createTestUser({ group: "user", temporary: true });
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.startHostedUi();
  const hostedUi = new HostedUiPage(page);
  await hostedUi.signIn(user.email, "Wrong#Pass1");
  await expect(page.getByRole("alert")).toHaveText("Incorrect username or password.");
  await expect(hostedUi.newPassword).toHaveCount(0);
  // The page that refused it offers the form again; the right temporary password leads to the new-password step.
  await hostedUi.password.fill(user.password);
  await hostedUi.submit.click();
  await expect(hostedUi.newPassword).toBeVisible();
});
