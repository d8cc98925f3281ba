import { expect, type Locator, type Page, type Response } from "@playwright/test";
import { paths } from "@/lib/paths";
import { expectDecisions, type ContactDecisions } from "@/e2e/support/decisions";

/** /contacts/<id>: one contact, what the viewer may do with it and why, or the Not found page. */
export class ContactDetailPage {
  readonly editLink: Locator;
  readonly deleteLink: Locator;
  readonly decisions: Locator;
  readonly notFoundHeading: Locator;
  /** "Contact created." / "Changes saved." after a create or an edit lands here. */
  readonly confirmation: Locator;

  constructor(readonly page: Page) {
    this.editLink = page.getByRole("link", { name: "Edit", exact: true });
    this.deleteLink = page.getByRole("link", { name: "Delete", exact: true });
    this.decisions = page.getByRole("region", { name: "What you may do, and why" });
    this.notFoundHeading = page.getByRole("heading", { level: 1, name: "Not found", exact: true });
    this.confirmation = page.getByRole("status").filter({ hasText: /^(Contact created|Changes saved)\.$/ });
  }

  async goto(id: string): Promise<Response | null> {
    return this.page.goto(paths.contactDetail(id));
  }

  heading(name: string): Locator {
    return this.page.getByRole("heading", { level: 1, name, exact: true });
  }

  /** The value beside a label in the details list ("Owner", "Private", …). */
  detail(label: string): Locator {
    return this.page
      .locator("dl > div")
      .filter({ has: this.page.locator("dt", { hasText: new RegExp(`^${label}$`) }) })
      .locator("dd");
  }

  /** The contact is shown with these decisions, and the Edit/Delete links exactly when they are allowed. */
  async expectShown(name: string, decisions: ContactDecisions): Promise<void> {
    await expect(this.heading(name)).toBeVisible();
    await expectDecisions(this.decisions, decisions);
    await expect(this.editLink).toHaveCount(decisions.update.allowed ? 1 : 0);
    await expect(this.deleteLink).toHaveCount(decisions.delete.allowed ? 1 : 0);
  }

  /** Missing and forbidden look alike: a real 404 and nothing of the contact on the page. */
  async expectNotFound(response: Response | null, name: string): Promise<void> {
    expect(response?.status(), "HTTP status").toBe(404);
    await expect(this.notFoundHeading).toBeVisible();
    await expect(this.page.getByText(name)).toHaveCount(0);
  }
}
