import { expect, type Locator, type Page } from "@playwright/test";
import { paths } from "../../lib/paths";

/** Shown (with HTTP 503) whenever the Cerbos PDP cannot answer: the app fails closed. */
export class UnavailablePage {
  readonly heading: Locator;
  readonly tryAgain: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "Authorization is unavailable" });
    this.tryAgain = page.getByRole("link", { name: "Try again" });
  }

  async expectShownFor(returnTo: string): Promise<void> {
    await expect(this.page).toHaveURL(
      (url) => url.pathname === paths.unavailable && url.searchParams.get("returnTo") === returnTo,
    );
    await expect(this.heading).toBeVisible();
  }
}
