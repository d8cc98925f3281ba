import { expect, type Locator, type Page } from "@playwright/test";
import { paths } from "@/lib/paths";
import { forgeHiddenTarget, waitForHydration } from "@/e2e/support/forms";

/** /contacts/<id>/delete: the confirmation step before a contact is removed. */
export class DeleteContactPage {
  readonly form: Locator;
  readonly confirmButton: Locator;
  readonly alert: Locator;

  constructor(readonly page: Page) {
    this.confirmButton = page.getByRole("button", { name: "Delete contact", exact: true });
    this.form = page.locator("form").filter({ has: this.confirmButton });
    this.alert = page.getByRole("alert").filter({ hasText: /\S/ });
  }

  async goto(id: string, name: string): Promise<void> {
    await this.page.goto(paths.deleteContact(id));
    await this.expectLoaded(id, name);
  }

  async expectLoaded(id: string, name: string): Promise<void> {
    await expect(this.page).toHaveURL((url) => url.pathname === paths.deleteContact(id));
    await expect(this.page.getByRole("heading", { level: 1, name: `Delete ${name}?`, exact: true })).toBeVisible();
    await waitForHydration(this.form);
  }

  async forgeTarget(target: { id: string; version: number }): Promise<void> {
    await forgeHiddenTarget(this.form, target);
  }
}
