import type { Locator, Page } from "@playwright/test";
import { paths } from "@/lib/paths";

/** "Audit": the PDP's recent decisions, for admins. */
export class AuditPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "Audit", exact: true });
    this.table = page.getByRole("table", { name: "Recent decisions" });
    this.rows = this.table.locator("tbody tr");
  }

  goto() {
    return this.page.goto(paths.audit);
  }

  /** The rows of one request: its id is in the "Request id" cell. */
  rowsOf(requestId: string): Locator {
    return this.rows.filter({ has: this.page.getByRole("cell", { name: requestId, exact: true }) });
  }
}
