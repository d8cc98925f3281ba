import { expect, type Locator, type Page } from "@playwright/test";
import { waitForHydration } from "@/e2e/support/forms";

/** The "Sharing" section of a contact's page: who has access, the remove buttons, and the add form. */
export class SharingSection {
  readonly section: Locator;
  readonly email: Locator;
  readonly role: Locator;
  readonly shareButton: Locator;
  readonly people: Locator;
  readonly addForm: Locator;
  /** "Shared with bob@example.com as viewer.", "… no longer has access." */
  readonly status: Locator;
  /** A form-level refusal (Next's route announcer is also role="alert": only one with text counts). */
  readonly alert: Locator;
  /** What a sharee reads instead of the list: "Shared with you as editor by alice@example.com on …". */
  readonly yourShare: Locator;
  /** Why the reader may not share ("You may not share this contact (not the owner)."). */
  readonly refusal: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByRole("region", { name: "Sharing", exact: true });
    this.email = this.section.getByLabel("Share with (email)", { exact: true });
    this.role = this.section.getByLabel("Role", { exact: true });
    this.shareButton = this.section.getByRole("button", { name: "Share", exact: true });
    this.people = this.section.getByRole("list", { name: "People with access" });
    // `has` is matched inside each form: a locator rooted at the page, not at the section.
    this.addForm = this.section
      .locator("form")
      .filter({ has: page.getByRole("button", { name: "Share", exact: true }) });
    this.status = this.section.getByRole("status");
    this.alert = this.section.getByRole("alert").filter({ hasText: /\S/ });
    this.yourShare = this.section.getByText(/^Shared with you as (viewer|editor) by /);
    this.refusal = this.section.getByText(/^You may not share this contact \(/);
  }

  person(email: string): Locator {
    return this.people.getByRole("listitem").filter({ hasText: email });
  }

  removeButton(email: string): Locator {
    return this.section.getByRole("button", { name: `Remove ${email}`, exact: true });
  }

  async share(email: string, role: "viewer" | "editor"): Promise<void> {
    await waitForHydration(this.addForm);
    await this.email.fill(email);
    await this.role.selectOption(role);
    await this.shareButton.click();
  }

  async remove(email: string): Promise<void> {
    await waitForHydration(this.addForm);
    await this.removeButton(email).click();
    await expect(this.status).toHaveText(`${email} no longer has access.`);
  }

  /** What an attacker does with devtools: the add form's hidden contact id names someone else's contact. */
  async forgeContactId(id: string): Promise<void> {
    await waitForHydration(this.addForm);
    await this.addForm.evaluate((form, contactId) => {
      const field = form.querySelector<HTMLInputElement>('input[type="hidden"][name="contactId"]');
      if (!field) throw new Error('the form has no hidden "contactId" field');
      field.value = contactId;
    }, id);
  }
}
