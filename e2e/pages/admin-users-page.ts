import { expect, type Locator, type Page } from "@playwright/test";
import { paths } from "@/lib/paths";
import { ACTION_LABELS, type ChangeAction } from "@/lib/admin/user-action-rules";
import { waitForHydration } from "@/e2e/support/forms";

/** The admin console (/admin/users): one row per user, one form per row, one control per action pair. */
export class AdminUsersPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "Users", exact: true });
    this.table = page.getByRole("table", { name: "Users" });
    this.rows = this.table.locator("tbody tr[data-user-sub]");
  }

  /** Searches by email prefix, so the table shows only the users of one test. */
  async goto(q: string): Promise<void> {
    await this.page.goto(paths.admin.usersWith({ q }));
    await expect(this.heading).toBeVisible();
  }

  row(email: string): Locator {
    return this.table.locator(`tbody tr[data-email="${email}"]`);
  }

  cell(email: string, column: "status" | "enabled" | "groups"): Locator {
    return this.row(email).locator(`[data-column="${column}"]`);
  }

  form(email: string): Locator {
    return this.row(email).getByRole("form", { name: `Actions for ${email}`, exact: true });
  }

  /** The control of one action: `data-state` is allowed or denied; absent when the action is a no-op here. */
  action(email: string, action: ChangeAction): Locator {
    return this.form(email).locator(`li[data-action="${action}"]`);
  }

  button(email: string, action: ChangeAction): Locator {
    return this.action(email, action).getByRole("button");
  }

  /** "Allowed" or "Denied", and Cerbos's reason. */
  badge(email: string, action: ChangeAction): Locator {
    return this.action(email, action).locator("[data-allowed] .decision-badge");
  }

  reason(email: string, action: ChangeAction): Locator {
    return this.action(email, action).locator("[data-allowed] .decision-reason");
  }

  /** The row's last outcome: `[data-outcome=done|error]`, an error with its `data-code`. */
  outcome(email: string): Locator {
    return this.form(email).getByRole("status").locator("[data-outcome]");
  }

  temporaryPassword(email: string): Locator {
    return this.form(email).getByTestId("temporary-password");
  }

  async click(email: string, action: ChangeAction): Promise<void> {
    await waitForHydration(this.form(email));
    await this.button(email, action).click();
  }

  /**
   * Clicks and waits for the outcome to say that this action was done: the row keeps its previous outcome until the
   * new one arrives, so "done" alone could be the last action's and the test would race the server.
   */
  async run(email: string, action: ChangeAction): Promise<void> {
    await this.click(email, action);
    await expect(this.outcome(email).locator("p").first()).toHaveText(`${ACTION_LABELS[action]}: done for ${email}.`);
    await expect(this.outcome(email)).toHaveAttribute("data-outcome", "done");
  }

  /**
   * What an attacker does with devtools: the row's hidden `sub` names another user, and (optionally) the button
   * asks for another action. The server action receives them like any other field.
   */
  async forge(email: string, shown: ChangeAction, forged: { sub?: string; action?: ChangeAction }): Promise<void> {
    await waitForHydration(this.form(email));
    await this.form(email).evaluate(
      (form, { shown, sub, action }) => {
        const hidden = form.querySelector<HTMLInputElement>('input[type="hidden"][name="sub"]');
        const button = form.querySelector<HTMLButtonElement>(`button[name="action"][value="${shown}"]`);
        if (!hidden || !button) throw new Error(`the form has no hidden "sub" or no "${shown}" button`);
        if (sub) hidden.value = sub;
        if (action) button.value = action;
      },
      { shown, sub: forged.sub, action: forged.action },
    );
  }
}
