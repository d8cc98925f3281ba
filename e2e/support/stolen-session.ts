/**
 * What an attacker holding a copy of a browser's cookies can do with them: replay them in another browser, or (with
 * the sealing secret too) take the Cognito access token out of the sealed cookie and use it as a Bearer token.
 */
import path from "node:path";
import { unsealData } from "iron-session";
import type { Browser, BrowserContext, Cookie } from "@playwright/test";
import { readEnvFile, requireKeys } from "@/e2e/support/env-file";

const APP_ENV = path.resolve(".cognito/e2e/app.env");

/** A fresh browser (no storage of its own) holding exactly the copied cookies. */
export async function browserWithCookies(browser: Browser, cookies: Cookie[]): Promise<BrowserContext> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  await context.addCookies(cookies);
  return context;
}

/** The access token sealed into a direct sign-in's `contacts_session` cookie. */
export async function accessTokenIn(cookies: Cookie[]): Promise<string> {
  const sealed = cookies.find((cookie) => cookie.name === "contacts_session")?.value;
  if (!sealed) throw new Error("no contacts_session cookie");
  const { SESSION_PASSWORD: password } = requireKeys(readEnvFile(APP_ENV), ["SESSION_PASSWORD"], APP_ENV);
  const session = await unsealData<{ accessToken?: string }>(sealed, { password });
  if (!session.accessToken) throw new Error("the cookie could not be unsealed");
  return session.accessToken;
}
