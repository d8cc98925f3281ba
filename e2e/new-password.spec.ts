import { expect, test } from "@playwright/test";
import { paths } from "@/lib/paths";
import { ContactsPage } from "@/e2e/pages/contacts-page";
import { HostedUiPage } from "@/e2e/pages/hosted-ui-page";
import { NewPasswordPage } from "@/e2e/pages/new-password-page";
import { SignInPage } from "@/e2e/pages/sign-in-page";
import { newbie } from "@/e2e/support/personas";
import { createTestUser } from "@/e2e/support/stand-in";

test("direct sign-in with a temporary password asks for a new one, which then works", async ({ page }) => {
  // The seeded newbie can answer the challenge once per fresh stack; the e2e stack wipes its state at start.
  const signIn = new SignInPage(page);
  await signIn.goto();
  // Until newbie replaces it, the local demo list offers the temporary password and warns of nothing.
  await expect(signIn.demoAccount(newbie.email)).toContainText("Sets a new password at first sign-in.");
  await expect(signIn.replacedPasswordNotice).toHaveCount(0);
  await signIn.signIn(newbie.email, newbie.temporaryPassword);
  const newPassword = new NewPasswordPage(page);
  await newPassword.expectLoaded();
  await newPassword.choose("Newbie#Pass2");
  const contacts = new ContactsPage(page);
  await contacts.expectLoaded();
  await expect(page.getByText(newbie.email).first()).toBeVisible();

  // The temporary password is spent; the new one signs in without a challenge.
  await page.context().clearCookies();
  await signIn.goto();
  // The sign-in page asked the stand-in: it says the temporary password is spent and how to get it back.
  await expect(signIn.replacedPasswordNotice).toContainText(newbie.email);
  await expect(signIn.demoAccount(newbie.email)).toContainText("npm run cognito:reset");
  await signIn.signIn(newbie.email, newbie.temporaryPassword);
  await expect(signIn.alert).toHaveText("Incorrect email or password.");
  await signIn.signIn(newbie.email, "Newbie#Pass2");
  await contacts.expectLoaded();
});

test("the new-password step is not reachable without a pending challenge", async ({ page }) => {
  await page.goto(paths.newPassword);
  await expect(page).toHaveURL((url) => url.pathname === paths.signIn);
});

test("Hosted UI sign-in with a temporary password asks for a new one on the stand-in", async ({ page }) => {
  const user = await createTestUser({ group: "user", temporary: true });
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.startHostedUi();
  const hostedUi = new HostedUiPage(page);
  await hostedUi.signIn(user.email, user.password);
  await expect(hostedUi.newPassword).toBeVisible();
  await hostedUi.chooseNewPassword("Chosen#Pass2");
  const contacts = new ContactsPage(page);
  await contacts.expectLoaded();
  await expect(page.getByText(user.email).first()).toBeVisible();
});
