import { expect, type Locator, type Page } from "@playwright/test";
import { paths } from "@/lib/paths";

/** The app's NEW_PASSWORD_REQUIRED step after a direct sign-in with a temporary password. */
export class NewPasswordPage {
  readonly heading: Locator;
  readonly newPassword: Locator;
  readonly confirmPassword: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "Set a new password" });
    this.newPassword = page.getByLabel("New password", { exact: true });
    this.confirmPassword = page.getByLabel("Confirm new password", { exact: true });
    this.submit = page.getByRole("button", { name: "Set password", exact: true });
  }

  async expectLoaded(): Promise<void> {
    await expect(this.page).toHaveURL((url) => url.pathname === paths.newPassword);
    await expect(this.heading).toBeVisible();
  }

  async choose(password: string): Promise<void> {
    await this.newPassword.fill(password);
    await this.confirmPassword.fill(password);
    await this.submit.click();
  }
}
