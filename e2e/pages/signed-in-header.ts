import { expect, type Locator, type Page } from "@playwright/test";
import { paths } from "@/lib/paths";
import type { Persona } from "@/e2e/support/personas";

export const APP_NAME = "Cognito + Cerbos";

/** The header of every signed-in page: the app's name, the navigation, who is signed in with which roles, Sign out. */
export class SignedInHeader {
  readonly root: Locator;
  readonly appName: Locator;
  readonly contactsLink: Locator;
  readonly sessionsLink: Locator;
  /** Admins only: the console (/admin/users). */
  readonly usersLink: Locator;
  readonly user: Locator;
  readonly signOutButton: Locator;

  constructor(readonly page: Page) {
    this.root = page.locator("header");
    const nav = this.root.getByRole("navigation", { name: "Main" });
    this.appName = nav.getByRole("link", { name: APP_NAME, exact: true });
    this.contactsLink = nav.getByRole("link", { name: "Contacts", exact: true });
    this.sessionsLink = nav.getByRole("link", { name: "Sessions", exact: true });
    this.usersLink = nav.getByRole("link", { name: "Users", exact: true });
    this.user = this.root.getByTestId("signed-in-user");
    this.signOutButton = this.root.getByRole("button", { name: "Sign out", exact: true });
  }

  /** What the header says about a persona: its email and its roles ("none" for a user in no group). */
  async expectShownFor(persona: Pick<Persona, "email" | "role">): Promise<void> {
    await expect(this.appName).toHaveAttribute("href", paths.contacts);
    await expect(this.contactsLink).toHaveAttribute("href", paths.contacts);
    await expect(this.sessionsLink).toHaveAttribute("href", paths.sessions);
    await expect(this.user).toContainText(persona.email);
    await expect(this.user).toContainText(`Roles: ${persona.role} ·`);
    await expect(this.signOutButton).toBeVisible();
  }
}
