import { expect, type Locator, type Page } from "@playwright/test";
import { paths } from "@/lib/paths";
import { expectedDecisions, type Persona, type SharedAs } from "@/e2e/support/personas";

export type PermissionRow = {
  contact: string;
  owner: string;
  isPrivate: boolean;
  sharedAs: SharedAs;
  read: string;
  update: string;
  delete: string;
};

/** A permission cell shows the decision and then Cerbos's reason ("Allowed owner"): keep the decision. */
function decisionOf(cellText: string): string {
  return /^(Allowed|Denied)/.exec(cellText.trim())?.[1] ?? cellText.trim();
}

/** The "Shared" column: "Shared with you (editor)", "Shared with you (viewer)" or "—". */
function sharedAsOf(cellText: string): SharedAs {
  const role = /^Shared with you \((viewer|editor)\)$/.exec(cellText)?.[1];
  if (role === "viewer" || role === "editor") return role;
  if (cellText !== "—") throw new Error(`unexpected "Shared" cell ${JSON.stringify(cellText)}`);
  return null;
}

/** The owner column says "alice@example.com (you)" (or "You" without a directory entry) for the viewer's own. */
function isOwn(ownerCell: string): boolean {
  return ownerCell === "You" || ownerCell.endsWith(" (you)");
}

/** The signed-in contacts page: the permissions table and the inspector. */
export class ContactsPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly noRolesMessage: Locator;
  readonly signOutButton: Locator;
  readonly inspector: Locator;
  readonly openInspectorLink: Locator;
  readonly tokenClaims: Locator;
  readonly cerbosRequest: Locator;
  readonly cerbosResponse: Locator;
  readonly newContactLink: Locator;
  readonly searchBox: Locator;
  readonly deletedMessage: Locator;
  readonly pagination: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "Contacts", exact: true });
    this.table = page.getByRole("table", { name: "Permissions" });
    this.noRolesMessage = page.getByRole("status").filter({ hasText: "no roles" });
    this.signOutButton = page.getByRole("button", { name: "Sign out", exact: true });
    this.inspector = page.locator("details").filter({ has: page.locator("summary", { hasText: "Inspector" }) });
    this.openInspectorLink = page.getByRole("link", { name: "Open the inspector", exact: true });
    this.tokenClaims = page.getByTestId("token-claims");
    this.cerbosRequest = page.getByTestId("cerbos-request");
    this.cerbosResponse = page.getByTestId("cerbos-response");
    this.newContactLink = page.getByRole("link", { name: "New contact", exact: true });
    this.searchBox = page.getByRole("searchbox", { name: "Search contacts" });
    this.deletedMessage = page.getByRole("status").filter({ hasText: "The contact was deleted." });
    this.pagination = page.getByRole("navigation", { name: "Pagination" });
  }

  /** Searches through the form (a GET to `?q=`), as a person would. */
  async search(query: string): Promise<void> {
    await this.searchBox.fill(query);
    await this.page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(this.page).toHaveURL((url) => url.pathname === paths.contacts && url.searchParams.get("q") === query);
  }

  /** The table row of one contact, found by id rather than by name (names need not be unique). */
  row(id: string): Locator {
    return this.table.locator(`tr[data-contact-id="${id}"]`);
  }

  async goto(): Promise<void> {
    await this.page.goto(paths.contacts);
  }

  /** Signed in and on the contacts page; says nothing about which contacts are listed. */
  async expectLoaded(): Promise<void> {
    await expect(this.page).toHaveURL((url) => url.pathname === paths.contacts);
    await expect(this.heading).toBeVisible();
    await expect(this.signOutButton).toBeVisible();
  }

  /** Reads cells by column header, so the test does not depend on column order or contact names. */
  async rows(): Promise<PermissionRow[]> {
    const headers = (await this.table.getByRole("columnheader").allTextContents()).map((text) => text.trim());
    const column = (name: string) => {
      const index = headers.indexOf(name);
      if (index < 0) throw new Error(`column "${name}" not found in ${JSON.stringify(headers)}`);
      return index;
    };
    const bodyRows = await this.table
      .getByRole("row")
      .filter({ has: this.page.locator("td") })
      .all();
    return Promise.all(
      bodyRows.map(async (row) => {
        const cells = (await row.locator("th, td").allTextContents()).map((text) => text.trim());
        const cell = (name: string) => cells[column(name)] ?? "";
        return {
          contact: cell("Contact"),
          owner: cell("Owner"),
          isPrivate: cell("Private") === "Yes",
          sharedAs: sharedAsOf(cell("Shared")),
          read: decisionOf(cell("Read")),
          update: decisionOf(cell("Update")),
          delete: decisionOf(cell("Delete")),
        };
      }),
    );
  }

  /** The whole contract for one persona: its email, and the policy's decision on every listed contact. */
  async expectPermissionsOf(persona: Persona): Promise<void> {
    await this.expectLoaded();
    await expect(this.page.getByText(persona.email).first()).toBeVisible();
    if (persona.role === "none") {
      await expect(this.noRolesMessage).toBeVisible();
      await expect(this.table).toHaveCount(0);
      return;
    }
    await expect(this.noRolesMessage).toHaveCount(0);
    await expect(this.table).toBeVisible();
    const rows = await this.rows();
    expect(
      rows.some((row) => isOwn(row.owner)),
      "lists some of the user's own contacts",
    ).toBe(true);
    expect(
      rows.some((row) => !isOwn(row.owner)),
      "lists some contacts of others",
    ).toBe(true);
    for (const row of rows) {
      const expected = expectedDecisions(persona.role, isOwn(row.owner), row);
      expect({ read: row.read, update: row.update, delete: row.delete }, `${row.contact} (${row.owner})`).toEqual(
        expected,
      );
    }
    const othersPrivate = rows.filter((row) => !isOwn(row.owner) && row.isPrivate && !row.sharedAs);
    // Only an admin may read other people's private contacts not shared with them; for anyone else they must not even
    // be listed.
    if (persona.role === "admin")
      expect(othersPrivate.length, "admin sees others' private contacts").toBeGreaterThan(0);
    else expect(othersPrivate.map((row) => row.contact)).toEqual([]);
  }

  /**
   * Opens the inspector as a person would: its link loads the same list with `?inspect=1` (fresh PDP calls, shown);
   * a normal load does not carry it.
   */
  async openInspector(): Promise<void> {
    await this.openInspectorLink.click();
    await expect(this.page).toHaveURL((url) => url.searchParams.get("inspect") === "1");
    await expect(this.inspector).toHaveAttribute("open", "");
    await expect(this.tokenClaims).toBeVisible();
  }

  /** The inspector's line for one epoch-seconds claim: "<epoch> = <ISO date>". */
  claimDate(field: string): Locator {
    return this.page
      .getByTestId("token-claims-dates")
      .locator("div")
      .filter({ has: this.page.locator("dt", { hasText: new RegExp(`^${field}$`) }) })
      .locator("dd");
  }

  /** The verified access-token claims the page shows in the inspector. */
  async claims(): Promise<Record<string, unknown>> {
    const text = await this.tokenClaims.textContent();
    return JSON.parse(text ?? "null") as Record<string, unknown>;
  }

  async signOut(): Promise<void> {
    await this.signOutButton.click();
  }
}
