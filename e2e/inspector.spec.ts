import { ContactsPage } from "@/e2e/pages/contacts-page";
import { expect, test } from "@/e2e/support/contacts-test";

test("the token's epoch times are shown with their ISO date beside them", async ({ pageAs }) => {
  const list = new ContactsPage(await pageAs("alice"));
  await list.goto();
  await list.inspector.locator("summary").click();
  const claims = await list.claims();
  for (const field of ["exp", "iat", "auth_time"]) {
    const epoch = claims[field];
    expect(epoch, field).toEqual(expect.any(Number));
    const iso = new Date((epoch as number) * 1000).toISOString();
    const line = list.claimDate(field);
    await expect(line, field).toHaveText(`${epoch} = ${iso}`);
    await expect(line.locator("time"), field).toHaveAttribute("datetime", iso);
  }
});

test("for a user with no roles the inspector says why there was no CheckResources call", async ({ pageAs }) => {
  const list = new ContactsPage(await pageAs("nora"));
  await list.goto();
  await list.inspector.locator("summary").click();
  await expect(list.cerbosRequest).toHaveText("no rows, so no CheckResources call");
  await expect(list.cerbosResponse).toHaveText("no rows, so no CheckResources call");
});
