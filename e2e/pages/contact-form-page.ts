import { expect, type Locator, type Page } from "@playwright/test";
import { paths } from "@/lib/paths";
import type { ContactInput } from "@/e2e/support/contacts-api";
import { forgeHiddenTarget, waitForHydration } from "@/e2e/support/forms";

type TextField = "name" | "email" | "phone" | "company" | "notes";
const TEXT_FIELDS: readonly TextField[] = ["name", "email", "phone", "company", "notes"];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The contact form, on /contacts/new ("Create contact") and on /contacts/<id>/edit ("Save"). */
export class ContactFormPage {
  readonly form: Locator;
  readonly fields: Record<TextField, Locator>;
  readonly isPrivate: Locator;
  readonly createButton: Locator;
  readonly saveButton: Locator;
  /** The form's message; Next's route announcer is also role="alert", so only one with text counts. */
  readonly alert: Locator;

  constructor(readonly page: Page) {
    this.form = page.locator("form").filter({ has: page.getByLabel("Name", { exact: true }) });
    this.fields = {
      name: page.getByLabel("Name", { exact: true }),
      email: page.getByLabel("Email", { exact: true }),
      phone: page.getByLabel("Phone", { exact: true }),
      company: page.getByLabel("Company", { exact: true }),
      notes: page.getByLabel("Notes", { exact: true }),
    };
    this.isPrivate = page.getByLabel("Private (only you and admins can see it)");
    this.createButton = page.getByRole("button", { name: "Create contact", exact: true });
    this.saveButton = page.getByRole("button", { name: "Save", exact: true });
    this.alert = page.getByRole("alert").filter({ hasText: /\S/ });
  }

  async gotoNew(): Promise<void> {
    await this.page.goto(paths.newContact);
    await expect(this.page.getByRole("heading", { level: 1, name: "New contact", exact: true })).toBeVisible();
    await waitForHydration(this.form);
  }

  async gotoEdit(id: string, name: string): Promise<void> {
    await this.page.goto(paths.editContact(id));
    await expect(this.page.getByRole("heading", { level: 1, name: `Edit ${name}`, exact: true })).toBeVisible();
    await waitForHydration(this.form);
  }

  /** The per-field message, tied to its input by aria-describedby. */
  fieldError(field: TextField): Locator {
    return this.page.locator(`#${field}-errors`);
  }

  /** The hidden version the form will send back (the optimistic lock). */
  async hiddenVersion(): Promise<number> {
    return Number(await this.form.locator('input[type="hidden"][name="version"]').inputValue());
  }

  async fill(values: ContactInput): Promise<void> {
    for (const field of TEXT_FIELDS) {
      const value = values[field];
      if (value !== undefined) await this.fields[field].fill(value ?? "");
    }
    if (values.isPrivate !== undefined) await this.isPrivate.setChecked(values.isPrivate);
  }

  /** Fills /contacts/new, submits, and returns the new contact's id from the detail page it lands on. */
  async create(values: ContactInput): Promise<string> {
    await this.gotoNew();
    await this.fill(values);
    await this.createButton.click();
    await expect(this.page).toHaveURL((url) => UUID.test(url.pathname.split("/")[2] ?? ""));
    return new URL(this.page.url()).pathname.split("/")[2] ?? "";
  }

  async forgeTarget(target: { id: string; version: number }): Promise<void> {
    await forgeHiddenTarget(this.form, target);
  }
}
