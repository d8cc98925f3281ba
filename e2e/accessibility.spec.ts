import { paths } from "@/lib/paths";
import { ContactsPage } from "@/e2e/pages/contacts-page";
import { HostedUiPage } from "@/e2e/pages/hosted-ui-page";
import { NewPasswordPage } from "@/e2e/pages/new-password-page";
import { SignInPage } from "@/e2e/pages/sign-in-page";
import { expectNoSeriousA11yViolations } from "@/e2e/support/axe";
import { uniqueName } from "@/e2e/support/contacts-api";
import { expect, test } from "@/e2e/support/contacts-test";
import { createTestUser, deleteTestUser } from "@/e2e/support/stand-in";
import { storageStatePath } from "@/e2e/support/personas";
import { DESKTOP, PHONE } from "@/e2e/support/viewport";

const MISSING_CONTACT = "00000000-0000-4000-8000-000000000000";

for (const [width, viewport] of [
  ["1280 px", DESKTOP],
  ["390 px", PHONE],
] as const) {
  test.describe(`axe at ${width}`, () => {
    test.use({ viewport });
    // Several pages and an axe run on each: on a busy two-core machine that is more than the default 30 s.
    test.describe.configure({ timeout: 120_000 });

    test("signed-out pages: sign-in, 404, 503", async ({ page }) => {
      for (const path of [paths.signIn, "/no-such-page", `${paths.unavailable}?reason=cerbos`]) {
        await page.goto(path);
        await expect(page.locator("h1"), path).toBeVisible();
        await expectNoSeriousA11yViolations(page, path);
      }
    });

    test("the new-password step and the stand-in's Hosted UI login page", async ({ page }) => {
      const user = await createTestUser({ group: "user", temporary: true });
      try {
        const signIn = new SignInPage(page);
        await signIn.goto();
        await signIn.signIn(user.email, user.password);
        await new NewPasswordPage(page).expectLoaded();
        await expectNoSeriousA11yViolations(page, paths.newPassword);

        await page.context().clearCookies();
        await signIn.goto();
        await signIn.startHostedUi();
        await new HostedUiPage(page).expectLoaded();
        await expectNoSeriousA11yViolations(page, "the Hosted UI login page");
      } finally {
        await deleteTestUser(user.email);
      }
    });

    test.describe("signed in", () => {
      test.use({ storageState: storageStatePath("alice") });

      test("list (inspector open), detail, new, edit, delete, sessions", async ({ page, apiAs }) => {
        const contact = await (await apiAs("alice")).createOk({ name: uniqueName("axe"), company: "Axe Ltd" });
        const list = new ContactsPage(page);
        await list.goto();
        await expect(list.table).toBeVisible();
        await list.openInspector();
        await expect(list.tokenClaims).toBeVisible();
        await expectNoSeriousA11yViolations(page, paths.contacts);
        for (const path of [
          paths.contactDetail(contact.id),
          paths.newContact,
          paths.editContact(contact.id),
          paths.deleteContact(contact.id),
          paths.sessions,
          paths.contactDetail(MISSING_CONTACT),
        ]) {
          await page.goto(path);
          await expect(page.locator("h1"), path).toBeVisible();
          await expectNoSeriousA11yViolations(page, path);
        }
      });
    });

    test.describe("signed in with no roles", () => {
      test.use({ storageState: storageStatePath("nora") });

      test("the list and /contacts/new", async ({ page }) => {
        for (const path of [paths.contacts, paths.newContact]) {
          await page.goto(path);
          await expect(page.locator("h1"), path).toBeVisible();
          await expectNoSeriousA11yViolations(page, path);
        }
      });
    });
  });
}
