import { expect, type Locator, type Page } from "@playwright/test";
import { paths } from "@/lib/paths";

/** The app's own sign-in page (direct USER_PASSWORD_AUTH form plus the Hosted UI button). */
export class SignInPage {
  readonly heading: Locator;
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly hostedUiButton: Locator;
  readonly alert: Locator;
  /** Local mode only: the stand-in's demo accounts, and the notice when newbie's temporary password is spent. */
  readonly demoAccounts: Locator;
  readonly replacedPasswordNotice: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "Sign in", exact: true });
    this.email = page.getByLabel("Email", { exact: true });
    this.password = page.getByLabel("Password", { exact: true });
    this.submit = page.getByRole("button", { name: "Sign in", exact: true });
    this.hostedUiButton = page.getByRole("button", { name: "Sign in with Cognito Hosted UI" });
    // Next's route announcer is also role="alert": only an alert with text is a form error.
    this.alert = page.getByRole("alert").filter({ hasText: /\S/ });
    this.demoAccounts = page.getByRole("region", { name: "Demo accounts (local Cognito stand-in)" });
    this.replacedPasswordNotice = this.demoAccounts.getByRole("status").filter({ hasText: "npm run cognito:reset" });
  }

  /** `query` is appended verbatim, so tests can pass hostile callbackUrl values exactly as an attacker would. */
  async goto(query = ""): Promise<void> {
    await this.page.goto(`${paths.signIn}${query}`);
    await expect(this.heading).toBeVisible();
  }

  /** The demo account's button (its accessible name starts with the email). */
  demoAccount(email: string): Locator {
    return this.demoAccounts.getByRole("button", { name: new RegExp(`^${email.replace(/[.]/g, "\\.")}`) });
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
  }

  async startHostedUi(): Promise<void> {
    await this.hostedUiButton.click();
  }
}
