import { expect, type Locator, type Page } from "@playwright/test";
import { paths } from "@/lib/paths";

const TITLES = {
  cerbos: "Authorization is unavailable",
  database: "The database is unavailable",
  cognito: "Cognito is unavailable",
} as const;

export type UnavailableReason = keyof typeof TITLES;

/** Shown (with HTTP 503) whenever the Cerbos PDP, the database or Cognito cannot answer: the app fails closed. */
export class UnavailablePage {
  readonly heading: Locator;
  readonly tryAgain: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: TITLES.cerbos });
    this.tryAgain = page.getByRole("link", { name: "Try again" });
  }

  async expectShownFor(returnTo: string): Promise<void> {
    await expect(this.page).toHaveURL(
      (url) => url.pathname === paths.unavailable && url.searchParams.get("returnTo") === returnTo,
    );
    await expect(this.heading).toBeVisible();
  }

  /** The page for one particular dependency, with the reason in its URL. */
  async expectShownBecause(reason: UnavailableReason, returnTo: string): Promise<void> {
    await expect(this.page).toHaveURL(
      (url) =>
        url.pathname === paths.unavailable &&
        url.searchParams.get("reason") === reason &&
        url.searchParams.get("returnTo") === returnTo,
    );
    await expect(this.page.getByRole("heading", { name: TITLES[reason] })).toBeVisible();
  }
}
