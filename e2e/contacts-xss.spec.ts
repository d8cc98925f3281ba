import type { Page } from "@playwright/test";
import { ContactDetailPage } from "@/e2e/pages/contact-detail-page";
import { ContactFormPage } from "@/e2e/pages/contact-form-page";
import { ContactsPage } from "@/e2e/pages/contacts-page";
import { uniqueWord } from "@/e2e/support/contacts-api";
import { expect, test } from "@/e2e/support/contacts-test";
import { storageStatePath } from "@/e2e/support/personas";

test.use({ storageState: storageStatePath("alice") });

// "Zz" keeps them behind the sample contacts in every list (see uniqueName); the payloads are what matters.
const PAYLOADS = ["Zz <img src=x onerror=window.__xss=1>", "Zz <script>window.__xss=1</script>"];

async function expectNoInjection(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(
    await page.evaluate(() => [...document.scripts].some((script) => script.textContent === "window.__xss=1")),
  ).toBe(false);
}

test("names that look like HTML are shown as text in the list, the detail and the edit form", async ({
  page,
  apiAs,
}) => {
  const alice = await apiAs("alice");
  const word = uniqueWord();
  const contacts = [];
  for (const name of PAYLOADS) contacts.push(await alice.createOk({ name, company: `XSS ${word}`, notes: name }));

  const list = new ContactsPage(page);
  await list.goto();
  await list.search(word);
  for (const contact of contacts) await expect(list.row(contact.id).getByRole("link")).toHaveText(contact.name);
  await expectNoInjection(page);

  for (const contact of contacts) {
    const detail = new ContactDetailPage(page);
    await detail.goto(contact.id);
    await expect(detail.heading(contact.name)).toBeVisible();
    await expect(detail.detail("Notes")).toHaveText(contact.name);
    await expectNoInjection(page);

    const form = new ContactFormPage(page);
    await form.gotoEdit(contact.id, contact.name);
    await expect(form.fields.name).toHaveValue(contact.name);
    await expectNoInjection(page);
  }

  // Control: the same markup parsed as HTML is what the DOM checks above look for, so a page that rendered the name
  // as HTML would have failed them; and its inline handler does not run, because the CSP allows no inline script.
  await page.evaluate((html) => document.body.insertAdjacentHTML("beforeend", html), PAYLOADS[0] ?? "");
  await expect(page.locator('img[src="x"]')).toHaveCount(1);
  await page.waitForFunction(() => document.querySelector<HTMLImageElement>('img[src="x"]')?.complete === true);
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
});

test("a search term that looks like HTML is echoed as text", async ({ page }) => {
  const query = `${PAYLOADS[0]} ${uniqueWord()}`;
  const list = new ContactsPage(page);
  await list.goto();
  await list.search(query);
  await expect(page.getByText(`No contacts you may see match “${query}”.`)).toBeVisible();
  await expect(list.searchBox).toHaveValue(query);
  await expectNoInjection(page);
});

test("a name that looks like HTML typed into the form is stored and shown verbatim", async ({ page, track }) => {
  const name = `${PAYLOADS[0]} ${uniqueWord()}`;
  const id = await new ContactFormPage(page).create({ name });
  track(id);
  const detail = new ContactDetailPage(page);
  await expect(detail.heading(name)).toBeVisible();
  await expectNoInjection(page);
});
