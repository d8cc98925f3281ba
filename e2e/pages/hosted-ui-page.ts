import { expect, type Locator, type Page } from "@playwright/test";
import { STAND_IN_URL } from "@/e2e/support/stand-in";

/** The stand-in's Hosted UI login page, served by the stand-in itself (a different origin from the app). */
export class HostedUiPage {
  readonly heading: Locator;
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly newPassword: Locator;
  readonly confirmPassword: Locator;
  readonly setPassword: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: /Sign in/ });
    this.email = page.getByLabel("Email", { exact: true });
    this.password = page.getByLabel("Password", { exact: true });
    this.submit = page.getByRole("button", { name: "Sign in", exact: true });
    this.newPassword = page.getByLabel("New password", { exact: true });
    this.confirmPassword = page.getByLabel("Confirm new password", { exact: true });
    this.setPassword = page.getByRole("button", { name: "Set password", exact: true });
  }

  async expectLoaded(): Promise<void> {
    await expect(this.page).toHaveURL((url) => url.href.startsWith(`${STAND_IN_URL}/oauth2/authorize`));
    await expect(this.heading).toBeVisible();
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.expectLoaded();
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
  }

  async chooseNewPassword(password: string): Promise<void> {
    await this.newPassword.fill(password);
    await this.confirmPassword.fill(password);
    await this.setPassword.click();
  }
}
