import { type Locator, type Page } from "@playwright/test";
import { SERVER_ACTION_TOO_LARGE } from "@/lib/http/limited-body";
import { ContactFormPage } from "@/e2e/pages/contact-form-page";
import { SignInPage } from "@/e2e/pages/sign-in-page";
import { uniqueName } from "@/e2e/support/contacts-api";
import { expect, test } from "@/e2e/support/contacts-test";
import { waitForHydration } from "@/e2e/support/forms";

const TWO_MB = 2 * 1024 * 1024;

/** What a forged or scripted post does: a value far beyond the field's maxlength, set without typing. */
async function setHugeValue(field: Locator): Promise<void> {
  await field.evaluate((element, size) => {
    (element as HTMLInputElement | HTMLTextAreaElement).value = "x".repeat(size);
  }, TWO_MB);
}

async function expectTooLargeMessage(page: Page): Promise<void> {
  await expect(page.getByRole("alert").filter({ hasText: SERVER_ACTION_TOO_LARGE })).toBeVisible();
  await expect(page.getByRole("heading", { name: "The form is too large" })).toBeVisible();
}

test("a 2 MB password gets a clear message, not a 500", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await waitForHydration(page.locator("form").filter({ has: signIn.password }));
  await signIn.email.fill("alice@example.com");
  await setHugeValue(signIn.password);
  const answer = page.waitForResponse((response) => response.request().method() === "POST");
  await signIn.submit.click();
  expect((await answer).status()).toBe(413);
  await expectTooLargeMessage(page);
});

test("a 2 MB note gets a clear message and creates nothing", async ({ apiAs, pageAs }) => {
  const page = await pageAs("alice");
  const form = new ContactFormPage(page);
  const name = uniqueName("huge note");
  await form.gotoNew();
  await form.fill({ name });
  await setHugeValue(form.fields.notes);
  await form.createButton.click();
  await expectTooLargeMessage(page);
  expect((await (await apiAs("alice")).listOk({ q: name })).total).toBe(0);
});
