import { paths } from "@/lib/paths";
import { ContactsPage } from "@/e2e/pages/contacts-page";
import { uniqueName, uniqueWord } from "@/e2e/support/contacts-api";
import { expect, test } from "@/e2e/support/contacts-test";
import { storageStatePath } from "@/e2e/support/personas";

test.use({ storageState: storageStatePath("alice") });

test("search and Previous/Next page through the matches, 25 at a time", async ({ page, apiAs }) => {
  const alice = await apiAs("alice");
  const word = uniqueWord();
  // One more than a page; the number before the random part makes them sort in creation order.
  const names = Array.from({ length: 26 }, (_, index) => uniqueName(`list ${String(index + 1).padStart(2, "0")}`));
  for (const name of names) await alice.createOk({ name, company: `Paging ${word}` });

  const list = new ContactsPage(page);
  await list.goto();
  await list.search(word);
  await expect(list.pagination).toContainText("1–25 of 26");
  await expect(list.pagination.getByRole("link", { name: "Previous" })).toHaveCount(0);
  await expect(list.table.getByRole("rowheader")).toHaveText(names.slice(0, 25));

  await list.pagination.getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(
    (url) =>
      url.pathname === paths.contacts && url.searchParams.get("page") === "2" && url.searchParams.get("q") === word,
  );
  await expect(list.pagination).toContainText("26–26 of 26");
  await expect(list.table.getByRole("rowheader")).toHaveText([names[25] ?? ""]);
  await expect(list.pagination.getByRole("link", { name: "Next" })).toHaveCount(0);

  await list.pagination.getByRole("link", { name: "Previous" }).click();
  await expect(list.pagination).toContainText("1–25 of 26");
  await expect(page).toHaveURL((url) => !url.searchParams.has("page") && url.searchParams.get("q") === word);
});

test("a search that matches nothing says so and shows no table", async ({ page }) => {
  const word = uniqueWord();
  const list = new ContactsPage(page);
  await list.goto();
  await list.search(word);
  await expect(list.table).toHaveCount(0);
  await expect(page.getByText(`No contacts you may see match “${word}”.`)).toBeVisible();
  await expect(list.pagination).toHaveCount(0);
  await expect(list.searchBox).toHaveValue(word);
});
