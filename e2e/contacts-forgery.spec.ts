import { paths } from "@/lib/paths";
import { ContactFormPage } from "@/e2e/pages/contact-form-page";
import { DeleteContactPage } from "@/e2e/pages/delete-contact-page";
import { uniqueName, type ApiContact, type ContactsApi } from "@/e2e/support/contacts-api";
import { expect, test } from "@/e2e/support/contacts-test";
import { storageStatePath } from "@/e2e/support/personas";

/**
 * Server actions read the contact's id and version from hidden fields, so bob can post his own edit or delete
 * form with alice's id in it. The server must check the contact the post names, not the page it came from.
 */
test.use({ storageState: storageStatePath("bob") });

const NOT_FOUND = "This contact does not exist, or you may not see it.";

const cases = [
  {
    privacy: "public",
    isPrivate: false,
    update: "You may not update this contact (not the owner).",
    remove: "You may not delete this contact (not the owner).",
  },
  { privacy: "private", isPrivate: true, update: NOT_FOUND, remove: NOT_FOUND },
] as const;

/** Alice's contact exactly as it was stored before the forged post. */
async function expectUnchanged(alice: ContactsApi, before: ApiContact): Promise<void> {
  const after = await alice.getOk(before.id);
  expect({ name: after.name, notes: after.notes, version: after.version, updatedAt: after.updatedAt }).toEqual({
    name: before.name,
    notes: before.notes,
    version: before.version,
    updatedAt: before.updatedAt,
  });
}

for (const { privacy, isPrivate, update, remove } of cases) {
  test.describe(`alice's ${privacy} contact`, () => {
    test("bob's own edit form, pointed at it, is refused and changes nothing", async ({ page, apiAs }) => {
      const alice = await apiAs("alice");
      const target = await alice.createOk({ name: uniqueName(`alice ${privacy}`), notes: "original", isPrivate });
      const bob = await apiAs("bob");
      const own = await bob.createOk({ name: uniqueName("bob own") });

      const form = new ContactFormPage(page);
      await form.gotoEdit(own.id, own.name);
      await form.fill({ name: "Hijacked", notes: "overwritten by bob" });
      await form.forgeTarget(target);
      await form.saveButton.click();

      await expect(form.alert).toHaveText(update);
      await expect(page).toHaveURL((url) => url.pathname === paths.editContact(own.id));
      await expectUnchanged(alice, target);
      expect((await bob.getOk(own.id)).version, "bob's own contact was not saved either").toBe(own.version);
    });

    test("bob's own delete form, pointed at it, is refused and deletes nothing", async ({ page, apiAs }) => {
      const alice = await apiAs("alice");
      const target = await alice.createOk({ name: uniqueName(`alice ${privacy}`), notes: "original", isPrivate });
      const bob = await apiAs("bob");
      const own = await bob.createOk({ name: uniqueName("bob own") });

      const confirm = new DeleteContactPage(page);
      await confirm.goto(own.id, own.name);
      await confirm.forgeTarget(target);
      await confirm.confirmButton.click();

      await expect(confirm.alert).toHaveText(remove);
      await expect(page).toHaveURL((url) => url.pathname === paths.deleteContact(own.id));
      await expectUnchanged(alice, target);
      expect((await bob.get(own.id)).status(), "bob's own contact still exists").toBe(200);
    });
  });
}
