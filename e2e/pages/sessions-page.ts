import { expect, type Locator, type Page } from "@playwright/test";
import { paths } from "@/lib/paths";

/** "Your sessions": the signed-in user's active sessions, a sign-out button per session and one for all. */
export class SessionsPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly rows: Locator;
  readonly currentRow: Locator;
  readonly otherRows: Locator;
  readonly signOutEverywhereButton: Locator;
  readonly notice: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "Your sessions" });
    this.table = page.getByRole("table", { name: "Active sessions" });
    this.rows = this.table.locator("tbody tr");
    this.currentRow = this.table.locator('tbody tr[data-current="true"]');
    this.otherRows = this.table.locator('tbody tr[data-current="false"]');
    this.signOutEverywhereButton = page.getByRole("button", { name: "Sign out everywhere" });
    // Inside <main>: Next's route announcer is also role="alert".
    const main = page.getByRole("main");
    this.notice = main.getByRole("status").or(main.getByRole("alert"));
  }

  async goto(): Promise<void> {
    await this.page.goto(paths.sessions);
    await expect(this.heading).toBeVisible();
  }

  async signOutOtherSession(): Promise<void> {
    await this.otherRows.first().getByRole("button", { name: "Sign out this session" }).click();
  }

  async signOutEverywhere(): Promise<void> {
    await this.signOutEverywhereButton.click();
  }

  /** The hidden id of the session in `row`, as anyone viewing the page source could read it. */
  sessionIdOf(row: Locator): Promise<string | null> {
    return row.locator('input[name="sessionId"]').getAttribute("value");
  }
}
