import { expect, test } from "@playwright/test";
import { paths } from "@/lib/paths";
import { ContactsPage } from "@/e2e/pages/contacts-page";
import { HostedUiPage } from "@/e2e/pages/hosted-ui-page";
import { SignInPage } from "@/e2e/pages/sign-in-page";
import { personaList, personas } from "@/e2e/support/personas";
import { expectSecurityHeaders } from "@/e2e/support/security-headers";

const APP_ORIGIN = "http://localhost:3100";

test.describe("direct sign-in", () => {
  for (const persona of personaList) {
    test(`${persona.key} lands on the contacts page with the right permissions`, async ({ page }) => {
      const signIn = new SignInPage(page);
      await signIn.goto();
      await signIn.signIn(persona.email, persona.password);
      await new ContactsPage(page).expectPermissionsOf(persona);
    });
  }

  test("a wrong password and an unknown user get the same message", async ({ page }) => {
    // Different messages would let anyone find out which emails have accounts.
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(personas.alice.email, "Wrong#Pass1");
    await expect(signIn.alert).toHaveText("Incorrect email or password.");
    await expect(page).toHaveURL((url) => url.pathname === paths.signIn);

    await signIn.goto();
    await signIn.signIn("nobody@example.com", "Wrong#Pass1");
    await expect(signIn.alert).toHaveText("Incorrect email or password.");
    await expect(page).toHaveURL((url) => url.pathname === paths.signIn);
  });
});

test.describe("Hosted UI sign-in", () => {
  for (const persona of personaList) {
    test(`${persona.key} signs in on the stand-in's page and returns to contacts`, async ({ page }) => {
      const signIn = new SignInPage(page);
      await signIn.goto();
      await signIn.startHostedUi();
      await new HostedUiPage(page).signIn(persona.email, persona.password);
      await new ContactsPage(page).expectPermissionsOf(persona);
    });
  }
});

test.describe("sign-in page messages and redirects", () => {
  test("a private page sends a signed-out visitor to sign in, then back", async ({ page }) => {
    await page.goto(paths.contacts);
    await expect(page).toHaveURL(
      (url) => url.pathname === paths.signIn && url.searchParams.get("callbackUrl") === paths.contacts,
    );
    await new SignInPage(page).signIn(personas.bob.email, personas.bob.password);
    await new ContactsPage(page).expectPermissionsOf(personas.bob);
  });

  test("the sign-in page sends the security headers", async ({ page }) => {
    const response = await page.goto(paths.signIn);
    expectSecurityHeaders((await response?.allHeaders()) ?? {});
  });

  test("explains why the visitor is here", async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.goto("?signedOut=1");
    await expect(page.getByText("You have been signed out.")).toBeVisible();
    await signIn.goto("?error=SessionExpired");
    await expect(page.getByText("Your session has expired. Please sign in again.")).toBeVisible();
  });

  // Each value is appended to the URL exactly as written: an attacker controls the raw query string.
  const hostileCallbacks = [
    "//evil.example",
    "/\\evil.example",
    "https://evil.example",
    "%2F%2Fevil.example",
    "https%3A%2F%2Fevil.example%2Fcontacts",
    "/%5Cevil.example",
  ];
  for (const callbackUrl of hostileCallbacks) {
    test(`callbackUrl=${callbackUrl} cannot send the user off-site`, async ({ page }) => {
      const signIn = new SignInPage(page);
      await signIn.goto(`?callbackUrl=${callbackUrl}`);
      await signIn.signIn(personas.alice.email, personas.alice.password);
      await new ContactsPage(page).expectLoaded();
      expect(new URL(page.url()).origin).toBe(APP_ORIGIN);
    });
  }
});
