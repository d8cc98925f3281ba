import type { Locator, Page } from "@playwright/test";
import { paths } from "@/lib/paths";

/** "Audit": the PDP's recent decisions, for admins. */
export class AuditPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly rows: Locator;
  /** "Admin actions": what admins did to users from the console (admin_actions), newest first. */
  readonly adminActions: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "Audit", exact: true });
    this.table = page.getByRole("table", { name: "Recent decisions" });
    this.rows = this.table.locator("tbody tr");
    this.adminActions = page.getByRole("table", { name: "Admin actions" }).locator("tbody tr");
  }

  goto() {
    return this.page.goto(paths.audit);
  }

  /** The console's records of one action on one user, e.g. ("add_admin", "done", target's email). */
  adminActionsOn(target: string, action: string, outcome: "done" | "refused" | "failed"): Locator {
    return this.adminActions
      .and(this.page.locator(`[data-admin-action="${action}"][data-outcome="${outcome}"]`))
      .filter({ has: this.page.getByRole("cell", { name: target, exact: true }) });
  }

  /** The rows of one request: its id is in the "Request id" cell. */
  rowsOf(requestId: string): Locator {
    return this.rows.filter({ has: this.page.getByRole("cell", { name: requestId, exact: true }) });
  }
}
