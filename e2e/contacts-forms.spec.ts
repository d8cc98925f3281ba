import { paths } from "@/lib/paths";
import { ContactDetailPage } from "@/e2e/pages/contact-detail-page";
import { ContactFormPage } from "@/e2e/pages/contact-form-page";
import { uniqueName, uniqueWord } from "@/e2e/support/contacts-api";
import { expect, test } from "@/e2e/support/contacts-test";
import { storageStatePath } from "@/e2e/support/personas";

test.use({ storageState: storageStatePath("alice") });

const CONFLICT = "Someone saved this contact after you opened it";

test("a stale edit is refused: the first save stays, and the form offers the current version", async ({
  page,
  apiAs,
}) => {
  const alice = await apiAs("alice");
  const original = await alice.createOk({ name: uniqueName("stale"), company: "Before", notes: "original notes" });

  // Two tabs of the same session, both opened on version 1.
  const first = new ContactFormPage(page);
  const second = new ContactFormPage(await page.context().newPage());
  await first.gotoEdit(original.id, original.name);
  await second.gotoEdit(original.id, original.name);
  expect(await second.hiddenVersion()).toBe(original.version);

  await first.fill({ company: "Saved first", notes: "first tab" });
  await first.saveButton.click();
  await expect(page).toHaveURL((url) => url.pathname === paths.contactDetail(original.id));
  await expect(new ContactDetailPage(page).detail("Company")).toHaveText("Saved first");

  await second.fill({ company: "Saved second", notes: "second tab" });
  await second.saveButton.click();
  await expect(second.alert).toContainText(CONFLICT);
  await expect(second.page).toHaveURL((url) => url.pathname === paths.editContact(original.id));

  const stored = await alice.getOk(original.id);
  expect(stored).toMatchObject({
    name: original.name,
    company: "Saved first",
    notes: "first tab",
    version: original.version + 1,
  });
  // The form now carries the stored version, so saving again is a deliberate overwrite, not a blind one.
  expect(await second.hiddenVersion()).toBe(original.version + 1);
});

test("invalid input on the new-contact form shows the field errors and saves nothing", async ({ page, apiAs }) => {
  const company = `Company ${uniqueWord()}`;
  const form = new ContactFormPage(page);
  await form.gotoNew();
  await form.fill({ name: "   ", email: "not-an-email", company });
  await form.createButton.click();

  await expect(form.alert).toHaveText("Please correct the fields marked below.");
  // The summary comes first, above the fields, and takes focus so it is read before anything else.
  await expect(form.alert).toBeFocused();
  const [summaryBox, nameBox] = await Promise.all([form.alert.boundingBox(), form.fields.name.boundingBox()]);
  expect(summaryBox && nameBox && summaryBox.y + summaryBox.height <= nameBox.y, "summary above the first field").toBe(
    true,
  );
  await expect(form.fieldError("name")).toHaveText("Enter a name.");
  await expect(form.fieldError("email")).toHaveText("Enter a valid email address, like name@example.com.");
  await expect(form.fields.name).toHaveAttribute("aria-invalid", "true");
  await expect(form.fields.name).toHaveAttribute("aria-describedby", "name-errors");
  await expect(form.fields.email).toHaveAttribute("aria-invalid", "true");
  await expect(form.fieldError("company")).toHaveCount(0);
  // What was typed stays, so the person only fixes what is wrong.
  await expect(form.fields.email).toHaveValue("not-an-email");
  await expect(form.fields.company).toHaveValue(company);
  await expect(page).toHaveURL((url) => url.pathname === paths.newContact);

  const alice = await apiAs("alice");
  expect((await alice.listOk({ q: company })).total).toBe(0);
  const admin = await apiAs("admin");
  expect((await admin.listOk({ q: company })).total).toBe(0);
});

test("a valid edit saves, advances the version by one and keeps the owner", async ({ page, apiAs }) => {
  const alice = await apiAs("alice");
  const original = await alice.createOk({ name: uniqueName("edit"), email: "old@example.com" });
  const renamed = uniqueName("edited");
  const form = new ContactFormPage(page);
  await form.gotoEdit(original.id, original.name);
  await expect(form.fields.email).toHaveValue("old@example.com");
  await form.fill({ name: renamed, email: "new@example.com", isPrivate: true });
  await form.saveButton.click();

  const detail = new ContactDetailPage(page);
  await expect(page).toHaveURL((url) => url.pathname === paths.contactDetail(original.id));
  await expect(detail.heading(renamed)).toBeVisible();
  await expect(page).toHaveURL((url) => url.searchParams.get("saved") === "1");
  await expect(detail.confirmation).toHaveText("Changes saved.");
  await expect(detail.detail("Private")).toHaveText("Yes");
  const stored = await alice.getOk(original.id);
  expect(stored).toMatchObject({
    name: renamed,
    email: "new@example.com",
    isPrivate: true,
    owner: alice.sub,
    version: original.version + 1,
  });
});

test("a created contact lands on its page, which confirms it was created", async ({ page, track }) => {
  const name = uniqueName("confirmed");
  const id = await new ContactFormPage(page).create({ name });
  track(id);
  const detail = new ContactDetailPage(page);
  await expect(detail.heading(name)).toBeVisible();
  await expect(page).toHaveURL((url) => url.searchParams.get("created") === "1");
  await expect(detail.confirmation).toHaveText("Contact created.");
  // Only right after the create: the plain page says nothing.
  await detail.goto(id);
  await expect(detail.heading(name)).toBeVisible();
  await expect(detail.confirmation).toHaveCount(0);
});
