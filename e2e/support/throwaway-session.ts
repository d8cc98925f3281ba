import { expect, type Browser, type Page } from "@playwright/test";
import { paths } from "@/lib/paths";
import { HostedUiPage } from "@/e2e/pages/hosted-ui-page";
import { SignInPage } from "@/e2e/pages/sign-in-page";
import type { TestUser } from "@/e2e/support/stand-in";

export type SignInMethod = "form" | "hosted-ui";

/**
 * A browser of its own for a throwaway user, signed in through the app's form (the iron-session session) or the
 * Hosted UI (next-auth): what the admin console does to that user must reach this browser alone, never the seeded
 * personas' saved sessions. The caller closes the page's context.
 */
export async function signInInNewBrowser(
  browser: Browser,
  baseURL: string | undefined,
  user: TestUser,
  via: SignInMethod = "form",
): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const signIn = new SignInPage(page);
  await signIn.goto();
  if (via === "hosted-ui") {
    await signIn.startHostedUi();
    await new HostedUiPage(page).signIn(user.email, user.password);
  } else {
    await signIn.signIn(user.email, user.password);
  }
  await expect(page).toHaveURL((url) => url.pathname === paths.contacts);
  return page;
}
