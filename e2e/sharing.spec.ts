import { paths } from "@/lib/paths";
import { ContactDetailPage } from "@/e2e/pages/contact-detail-page";
import { ContactFormPage } from "@/e2e/pages/contact-form-page";
import { ContactsPage } from "@/e2e/pages/contacts-page";
import { SharingSection } from "@/e2e/pages/sharing-section";
import { expectNoSeriousA11yViolations } from "@/e2e/support/axe";
import { accessTokenOf, uniqueName, uniqueWord, type ApiContact, type ContactsApi } from "@/e2e/support/contacts-api";
import { expect, test } from "@/e2e/support/contacts-test";
import { personas } from "@/e2e/support/personas";
import { SharesApi } from "@/e2e/support/shares-api";
import { expectNoHorizontalScroll, expectWithinViewportWidth, PHONE } from "@/e2e/support/viewport";

/** Sharing through the contact's page: alice shares a private contact with bob, changes his role, revokes it. */
const { alice, bob, nora } = personas;
// Several browsers and pages per test: on a busy two-core machine that is more than the default 30 s.
test.describe.configure({ timeout: 120_000 });

const NOT_FOUND = "This contact does not exist, or you may not see it.";

async function expectUnchanged(owner: ContactsApi, before: ApiContact): Promise<void> {
  const after = await owner.getOk(before.id);
  expect({ name: after.name, notes: after.notes, version: after.version }).toEqual({
    name: before.name,
    notes: before.notes,
    version: before.version,
  });
}

test("the owner's Sharing section adds, lists and removes people, refuses bad input, and is axe-clean", async ({
  pageAs,
  apiAs,
}) => {
  const contact = await (await apiAs("alice")).createOk({ name: uniqueName("sharing ui"), isPrivate: true });
  const page = await pageAs("alice");
  await new ContactDetailPage(page).goto(contact.id);
  const sharing = new SharingSection(page);
  await expect(sharing.section.getByText("Not shared with anyone yet.")).toBeVisible();

  await sharing.share("nobody@example.com", "viewer");
  await expect(sharing.section.locator("#email-errors")).toHaveText("No user with that email in the directory.");
  await expect(sharing.email).toHaveAttribute("aria-describedby", "email-errors");
  await expect(sharing.email).toHaveValue("nobody@example.com");
  await sharing.share(alice.email, "editor");
  await expect(sharing.section.locator("#email-errors")).toHaveText("You cannot share a contact with yourself.");
  await expect(sharing.people).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, "the Sharing section with an error");

  await sharing.share(bob.email, "viewer");
  await expect(sharing.status).toHaveText(`Shared with ${bob.email} as viewer.`);
  await expect(sharing.person(bob.email)).toContainText(`Viewer · shared by ${alice.email} on`);
  await expect(sharing.email).toHaveValue("");
  await expectNoSeriousA11yViolations(page, "the Sharing section with a person");

  await page.setViewportSize(PHONE);
  await expectNoHorizontalScroll(page, "a contact's page with its Sharing section");
  await expectWithinViewportWidth(sharing.removeButton(bob.email), "the remove button");
  await expectWithinViewportWidth(sharing.shareButton, "the share button");

  await sharing.remove(bob.email);
  await expect(sharing.people).toHaveCount(0);
});

test.describe("a forged share form (bob's own, pointed at alice's contact)", () => {
  const cases = [
    { privacy: "public", isPrivate: false, message: "You may not share this contact (not the owner)." },
    { privacy: "private", isPrivate: true, message: NOT_FOUND },
  ] as const;
  for (const { privacy, isPrivate, message } of cases) {
    test(`is refused for a ${privacy} contact, and nothing is shared`, async ({ pageAs, apiAs, request }) => {
      const target = await (await apiAs("alice")).createOk({ name: uniqueName(`forged ${privacy}`), isPrivate });
      const own = await (await apiAs("bob")).createOk({ name: uniqueName("bob's own") });
      const page = await pageAs("bob");
      await new ContactDetailPage(page).goto(own.id);
      const sharing = new SharingSection(page);
      await sharing.forgeContactId(target.id);
      await sharing.share(nora.email, "editor");
      await expect(sharing.alert).toHaveText(message);
      await expect(sharing.people).toHaveCount(0);
      const aliceShares = new SharesApi(request, await accessTokenOf("alice"));
      expect(await aliceShares.listOk(target.id)).toEqual([]);
      expect(await new SharesApi(request, await accessTokenOf("bob")).listOk(own.id)).toEqual([]);
    });
  }
});

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

test.describe("shared with bob (needs the shared_viewer / shared_editor rules)", () => {
  test("as viewer: listed and readable, not editable; as editor: editable, never deletable or shareable; revoked: gone", async ({
    pageAs,
    apiAs,
    request,
  }) => {
    const aliceApi = await apiAs("alice");
    const contact = await aliceApi.createOk({ name: uniqueName("shared"), notes: "original", isPrivate: true });
    const alicePage = await pageAs("alice");
    const aliceDetail = new ContactDetailPage(alicePage);
    await aliceDetail.goto(contact.id);
    // The owner's "What you may do" includes sharing, with the policy's reason.
    await expect(aliceDetail.decisions.locator('[data-action="share"]')).toHaveAttribute("data-allowed", "true");
    const aliceSharing = new SharingSection(alicePage);
    await aliceSharing.share(bob.email, "viewer");
    await expect(aliceSharing.status).toHaveText(`Shared with ${bob.email} as viewer.`);

    const bobPage = await pageAs("bob");
    const list = new ContactsPage(bobPage);
    await bobPage.goto(paths.contactsWith({ q: contact.name }));
    await expect(list.row(contact.id).locator("[data-shared-with-you]")).toHaveText("Shared with you (viewer)");
    const decision = (action: string) => list.row(contact.id).locator(`[data-action="${action}"]`);
    await expect(decision("read")).toHaveAttribute("data-allowed", "true");
    await expect(decision("update")).toHaveAttribute("data-allowed", "false");
    await expect(decision("delete")).toHaveAttribute("data-allowed", "false");

    const detail = new ContactDetailPage(bobPage);
    await detail.goto(contact.id);
    await expect(detail.heading(contact.name)).toBeVisible();
    await expect(detail.editLink).toHaveCount(0);
    await expect(detail.deleteLink).toHaveCount(0);
    await expect(detail.decisions.locator('[data-action="share"]')).toHaveAttribute("data-allowed", "false");
    const bobSharing = new SharingSection(bobPage);
    await expect(bobSharing.yourShare).toHaveText(
      new RegExp(`^Shared with you as viewer by ${escaped(alice.email)} on `),
    );
    await expect(bobSharing.shareButton).toHaveCount(0);
    await expect(bobSharing.people).toHaveCount(0);
    await expectNoSeriousA11yViolations(bobPage, "a sharee's view of the Sharing section");

    // A viewer's forged edit: bob's own edit form, pointed at the shared contact.
    const own = await (await apiAs("bob")).createOk({ name: uniqueName("bob's own") });
    const form = new ContactFormPage(bobPage);
    await form.gotoEdit(own.id, own.name);
    await form.fill({ notes: "by a viewer" });
    await form.forgeTarget(contact);
    await form.saveButton.click();
    await expect(form.alert).toHaveText(/^You may not update this contact \(.+\)\.$/);
    await expectUnchanged(aliceApi, contact);

    await aliceSharing.share(bob.email, "editor");
    await expect(aliceSharing.status).toHaveText(`${bob.email} is now an editor.`);
    await detail.goto(contact.id);
    await expect(detail.editLink).toHaveCount(1);
    await expect(detail.deleteLink).toHaveCount(0);
    await expect(bobSharing.yourShare).toHaveText(/^Shared with you as editor by /);
    await bobPage.goto(paths.contactsWith({ q: contact.name }));
    await expect(list.row(contact.id).locator("[data-shared-with-you]")).toHaveText("Shared with you (editor)");
    await expect(bobSharing.shareButton).toHaveCount(0);
    await form.gotoEdit(contact.id, contact.name);
    await form.fill({ notes: "edited by bob" });
    await form.saveButton.click();
    await expect(detail.confirmation).toHaveText("Changes saved.");
    const edited = await aliceApi.getOk(contact.id);
    expect(edited.notes).toBe("edited by bob");
    const bobApi = await apiAs("bob");
    expect((await bobApi.remove(contact.id, edited.version)).status()).toBe(403);
    const bobShares = new SharesApi(request, await accessTokenOf("bob"));
    expect((await bobShares.put(contact.id, { email: nora.email, role: "viewer" })).status()).toBe(403);

    await alicePage.reload();
    await aliceSharing.remove(bob.email);
    await detail.expectNotFound(await detail.goto(contact.id), contact.name);
    await bobPage.goto(paths.contactsWith({ q: contact.name }));
    await expect(list.heading).toBeVisible();
    await expect(list.row(contact.id)).toHaveCount(0);
    expect((await bobApi.get(contact.id)).status()).toBe(404);
  });

  test("lists across pages count and show exactly the private contacts shared with bob", async ({
    pageAs,
    apiAs,
    request,
  }) => {
    const word = uniqueWord();
    const aliceApi = await apiAs("alice");
    const made: ApiContact[] = [];
    for (let n = 0; n < 5; n++)
      made.push(await aliceApi.createOk({ name: uniqueName(`${word} ${n}`), isPrivate: true }));
    const aliceShares = new SharesApi(request, await accessTokenOf("alice"));
    const shared = made.slice(0, 3);
    for (const [n, contact] of shared.entries())
      await aliceShares.putOk(contact.id, bob.email, n === 0 ? "editor" : "viewer");

    const bobApi = await apiAs("bob");
    const first = await bobApi.listOk({ q: word, pageSize: 2 });
    const second = await bobApi.listOk({ q: word, pageSize: 2, page: 2 });
    expect({ total: first.total, exact: first.totalExact, rows: first.contacts.length }).toEqual({
      total: 3,
      exact: true,
      rows: 2,
    });
    expect(second.contacts).toHaveLength(1);
    const ids = [...first.contacts, ...second.contacts].map(({ id }) => id).sort();
    expect(ids).toEqual(shared.map(({ id }) => id).sort());
    expect((await aliceApi.listOk({ q: word, pageSize: 2 })).total).toBe(5);

    const page = await pageAs("bob");
    const list = new ContactsPage(page);
    await page.goto(paths.contactsWith({ q: word, pageSize: 2, page: 2 }));
    await expect(list.table.locator("tbody tr")).toHaveCount(1);
    await aliceShares.remove(shared[0]!.id, bob.email);
    expect((await bobApi.listOk({ q: word, pageSize: 2 })).total).toBe(2);
    // Two left fill one page: page 2 no longer exists, and the list sends the browser back to the last page.
    await page.goto(paths.contactsWith({ q: word, pageSize: 2, page: 2 }));
    await expect(page).toHaveURL((url) => url.searchParams.get("page") === null);
    await expect(list.table.locator("tbody tr")).toHaveCount(2);
    await expect(list.row(shared[0]!.id)).toHaveCount(0);
  });
});
