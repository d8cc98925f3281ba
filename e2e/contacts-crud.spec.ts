import { paths } from "@/lib/paths";
import { ContactDetailPage } from "@/e2e/pages/contact-detail-page";
import { ContactFormPage } from "@/e2e/pages/contact-form-page";
import { ContactsPage } from "@/e2e/pages/contacts-page";
import { DeleteContactPage } from "@/e2e/pages/delete-contact-page";
import { uniqueName, uniqueWord } from "@/e2e/support/contacts-api";
import { expect, test } from "@/e2e/support/contacts-test";
import { ADMIN_DECISIONS, expectDecisions, OWNER_DECISIONS, READER_DECISIONS } from "@/e2e/support/decisions";
import { storageStatePath } from "@/e2e/support/personas";

// Alice works in the default page; bob and the admin look at her contacts from their own sessions.
test.use({ storageState: storageStatePath("alice") });

test("alice creates a public contact through the form and may do everything with it", async ({ page, track }) => {
  const name = uniqueName("public");
  const company = `Company ${uniqueWord()}`;
  const id = await new ContactFormPage(page).create({
    name,
    email: "pat@example.com",
    phone: "+1 555 0100",
    company,
    notes: "Met at the fair.",
  });
  track(id);

  const detail = new ContactDetailPage(page);
  await detail.expectShown(name, OWNER_DECISIONS);
  await expect(detail.detail("Email")).toHaveText("pat@example.com");
  await expect(detail.detail("Company")).toHaveText(company);
  await expect(detail.detail("Owner")).toHaveText("alice@example.com (you)");
  await expect(detail.detail("Private")).toHaveText("No");

  const list = new ContactsPage(page);
  await list.goto();
  await list.search(name);
  await expect(list.table.getByRole("row")).toHaveCount(2); // the header and this contact
  await expect(list.row(id).getByRole("link", { name, exact: true })).toHaveAttribute("href", paths.contactDetail(id));
  await expect(list.row(id).getByRole("cell").nth(0)).toHaveText(company);
  await expect(list.row(id).getByRole("cell").nth(1)).toHaveText("alice@example.com (you)");
  await expectDecisions(list.row(id), OWNER_DECISIONS);
});

test("alice's public contact: bob may only read it, the admin everything, and both see it is hers", async ({
  pageAs,
  apiAs,
}) => {
  // Three people's pages, each list loaded twice: near 30 s when the whole suite shares two cores.
  test.slow();
  const name = uniqueName("public");
  const { id } = await (await apiAs("alice")).createOk({ name, company: `Company ${uniqueWord()}` });

  const bobList = new ContactsPage(await pageAs("bob"));
  await bobList.goto();
  await bobList.search(name);
  await expect(bobList.row(id).getByRole("cell").nth(1)).toHaveText("alice@example.com");
  await expectDecisions(bobList.row(id), READER_DECISIONS);
  const bobDetail = new ContactDetailPage(bobList.page);
  await bobDetail.goto(id);
  await bobDetail.expectShown(name, READER_DECISIONS);
  await expect(bobDetail.detail("Owner")).toHaveText("alice@example.com");
  // Typing the edit or delete URL gets a 403 with an explanation and a way back, never the form.
  for (const [path, action] of [
    [paths.editContact(id), "edit"],
    [paths.deleteContact(id), "delete"],
  ] as const) {
    expect((await bobDetail.page.goto(path))?.status(), path).toBe(403);
    await expect(bobDetail.page.getByRole("heading", { level: 1 })).toHaveText(`You may not ${action} this contact`);
    await expect(bobDetail.page.getByRole("link", { name: "← Back to contacts" })).toBeVisible();
    await expect(bobDetail.page.getByRole("button", { name: /^(Save|Delete contact)$/ })).toHaveCount(0);
  }

  // The admin sees whose it is: alice's email, not "Someone else".
  const adminDetail = new ContactDetailPage(await pageAs("admin"));
  await adminDetail.goto(id);
  await adminDetail.expectShown(name, ADMIN_DECISIONS);
  await expect(adminDetail.detail("Owner")).toHaveText("alice@example.com");
  const adminList = new ContactsPage(adminDetail.page);
  await adminList.goto();
  await adminList.search(name);
  await expect(adminList.row(id).getByRole("cell").nth(1)).toHaveText("alice@example.com");
});

test("a private contact: bob neither lists nor opens it, the admin sees it", async ({ page, pageAs, track }) => {
  // Three people's pages, each list loaded twice: near 30 s when the whole suite shares two cores.
  test.slow();
  const name = uniqueName("private");
  const id = await new ContactFormPage(page).create({ name, notes: "Only for me.", isPrivate: true });
  track(id);
  const detail = new ContactDetailPage(page);
  await detail.expectShown(name, OWNER_DECISIONS);
  await expect(detail.detail("Private")).toHaveText("Yes");

  const bobList = new ContactsPage(await pageAs("bob"));
  await bobList.goto();
  await bobList.search(name);
  await expect(bobList.table).toHaveCount(0);
  await expect(bobList.page.getByText(`No contacts you may see match “${name}”.`)).toBeVisible();
  const bobDetail = new ContactDetailPage(bobList.page);
  await bobDetail.expectNotFound(await bobDetail.goto(id), name);
  // The edit and delete pages must not reveal it either.
  for (const path of [paths.editContact(id), paths.deleteContact(id)]) {
    expect((await bobList.page.goto(path))?.status(), path).toBe(404);
    await expect(bobDetail.notFoundHeading).toBeVisible();
  }

  const adminList = new ContactsPage(await pageAs("admin"));
  await adminList.goto();
  await adminList.search(name);
  await expect(adminList.row(id).getByRole("cell").nth(2)).toHaveText("Yes");
  await expectDecisions(adminList.row(id), ADMIN_DECISIONS);
  const adminDetail = new ContactDetailPage(adminList.page);
  await adminDetail.goto(id);
  await adminDetail.expectShown(name, ADMIN_DECISIONS);
});

test("alice deletes her contact after confirming; its page is then a 404", async ({ page, apiAs }) => {
  const alice = await apiAs("alice");
  const contact = await alice.createOk({ name: uniqueName("to delete") });

  const detail = new ContactDetailPage(page);
  await detail.goto(contact.id);
  await detail.deleteLink.click();
  const confirm = new DeleteContactPage(page);
  await confirm.expectLoaded(contact.id, contact.name);
  await confirm.confirmButton.click();

  const list = new ContactsPage(page);
  await expect(page).toHaveURL((url) => url.pathname === paths.contacts && url.searchParams.get("deleted") === "1");
  await expect(list.deletedMessage).toBeVisible();
  await expect(list.table.getByRole("link", { name: contact.name, exact: true })).toHaveCount(0);
  await detail.expectNotFound(await detail.goto(contact.id), contact.name);
  expect((await alice.get(contact.id)).status()).toBe(404);
});

test("nora, in no group, gets no New contact link and may not create, on the page or through the API", async ({
  pageAs,
  apiAs,
}) => {
  const noraPage = await pageAs("nora");
  const list = new ContactsPage(noraPage);
  await list.goto();
  await list.expectLoaded();
  await expect(list.newContactLink).toHaveCount(0);

  // The page asks Cerbos before offering the form (the create action and the API check again on their own).
  const name = uniqueName("by nora");
  const form = new ContactFormPage(noraPage);
  const refused = await noraPage.goto(paths.newContact);
  expect(refused?.status(), "a real 403, not a 200 page with a refusal").toBe(403);
  await expect(noraPage.getByRole("heading", { level: 1 })).toHaveText("You may not create contacts");
  await expect(form.alert).toHaveText(/^None of your roles allows creating contacts\./);
  await expect(form.createButton).toHaveCount(0);
  // The way back works.
  await noraPage.getByRole("link", { name: "← Back to contacts" }).click();
  await expect(noraPage).toHaveURL((url) => url.pathname === paths.contacts);
  await list.expectLoaded();

  const nora = await apiAs("nora");
  const response = await nora.create({ name });
  expect(response.status()).toBe(403);
  expect(((await response.json()) as { error: { code: string } }).error.code).toBe("forbidden");
  const admin = await apiAs("admin");
  expect((await admin.listOk({ q: name })).total, "nothing was created").toBe(0);
});
