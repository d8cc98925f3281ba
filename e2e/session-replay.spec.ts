import { expect, test, type Browser, type Cookie, type Page } from "@playwright/test";
import { paths } from "@/lib/paths";
import { ContactsPage } from "@/e2e/pages/contacts-page";
import { HostedUiPage } from "@/e2e/pages/hosted-ui-page";
import { SessionsPage } from "@/e2e/pages/sessions-page";
import { SignInPage } from "@/e2e/pages/sign-in-page";
import { accessTokenIn, browserWithCookies } from "@/e2e/support/stolen-session";
import { createTestUser, type TestUser } from "@/e2e/support/stand-in";

/**
 * A session that has ended stays ended, whatever copies of its cookies are around. Every test has users of its own:
 * signing out everywhere must not end the seeded personas' saved sessions.
 */

const REVOKED_MESSAGE = "This session has been signed out. Please sign in again.";

async function signedInBrowser(browser: Browser, user: TestUser, via: "password" | "hosted-ui" = "password") {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  const signIn = new SignInPage(page);
  await signIn.goto();
  if (via === "password") {
    await signIn.signIn(user.email, user.password);
  } else {
    await signIn.startHostedUi();
    await new HostedUiPage(page).signIn(user.email, user.password);
  }
  await new ContactsPage(page).expectLoaded();
  return { context, page };
}

/** The private page sends this browser to sign in, saying the session was signed out, and shows nothing private. */
async function expectSessionEnded(page: Page, email: string): Promise<void> {
  await page.goto(paths.contacts);
  await expect(page).toHaveURL((url) => url.pathname === paths.signIn);
  await expect(new SignInPage(page).alert).toHaveText(REVOKED_MESSAGE);
  await expect(new ContactsPage(page).table).toHaveCount(0);
  await expect(page.getByText(email)).toHaveCount(0);
}

async function replayIn(browser: Browser, stolen: Cookie[], email: string): Promise<void> {
  const replay = await browserWithCookies(browser, stolen);
  await expectSessionEnded(await replay.newPage(), email);
  await replay.close();
}

for (const via of ["password", "hosted-ui"] as const) {
  test(`${via} session: a copy of its cookies replayed after sign-out is signed out`, async ({ browser }) => {
    const user = await createTestUser({ group: "user" });
    const { context, page } = await signedInBrowser(browser, user, via);
    const stolen = await context.cookies();
    expect(stolen.some((c) => c.name === "contacts_session" || c.name.startsWith("next-auth.session-token"))).toBe(
      true,
    );
    await new ContactsPage(page).signOut();
    await expect(page).toHaveURL((url) => url.pathname === paths.signIn && url.searchParams.get("signedOut") === "1");

    await replayIn(browser, stolen, user.email);
    await context.close();
  });
}

test("sign out everywhere from one browser ends the sessions of every other browser", async ({ browser }) => {
  // Two sign-ins (one through the Hosted UI), a global sign-out at Cognito and a replay: over 30 s on a busy machine.
  test.slow();
  const user = await createTestUser({ group: "user" });
  const first = await signedInBrowser(browser, user);
  const second = await signedInBrowser(browser, user, "hosted-ui");
  const sessions = new SessionsPage(second.page);
  await sessions.goto();
  await expect(sessions.rows).toHaveCount(2);
  await expect(sessions.currentRow).toContainText("Hosted UI");
  await expect(sessions.otherRows).toContainText("Email and password");
  const stolen = await second.context.cookies();

  await sessions.signOutEverywhere();
  await expect(second.page).toHaveURL(
    (url) => url.pathname === paths.signIn && url.searchParams.get("signedOut") === "1",
  );
  await expectSessionEnded(first.page, user.email);
  await replayIn(browser, stolen, user.email);
  await Promise.all([first.context.close(), second.context.close()]);
});

test("signing out one session from the sessions page signs out that browser only", async ({ browser }) => {
  const user = await createTestUser({ group: "user" });
  const other = await signedInBrowser(browser, user);
  const mine = await signedInBrowser(browser, user);
  const sessions = new SessionsPage(mine.page);
  await sessions.goto();
  await sessions.signOutOtherSession();
  await expect(sessions.notice).toHaveText("The session was signed out.");
  await expect(sessions.rows).toHaveCount(1);
  await expect(sessions.currentRow).toHaveCount(1);

  await expectSessionEnded(other.page, user.email);
  await new ContactsPage(mine.page).goto();
  await new ContactsPage(mine.page).expectLoaded();
  await Promise.all([other.context.close(), mine.context.close()]);
});

test("a forged session id of someone else's session changes nothing", async ({ browser }) => {
  // Two users and two browser sign-ins: on a loaded two-core CI machine that alone can take most of 30 s.
  test.setTimeout(60_000);
  const [victim, attacker] = [await createTestUser({ group: "user" }), await createTestUser({ group: "user" })];
  const victimBrowser = await signedInBrowser(browser, victim);
  const victimSessions = new SessionsPage(victimBrowser.page);
  await victimSessions.goto();
  const victimId = await victimSessions.sessionIdOf(victimSessions.currentRow);
  expect(victimId).toMatch(/^[A-Za-z0-9_-]{43}$/);

  const attackerBrowser = await signedInBrowser(browser, attacker);
  const attackerSessions = new SessionsPage(attackerBrowser.page);
  await attackerSessions.goto();
  await attackerSessions.currentRow.locator('input[name="sessionId"]').evaluate((input, id) => {
    (input as HTMLInputElement).value = id ?? "";
  }, victimId);
  await attackerSessions.currentRow.getByRole("button").click();
  await expect(attackerSessions.notice).toHaveText(
    "That session is not one of your active sessions; nothing was changed.",
  );

  await new ContactsPage(victimBrowser.page).goto();
  await new ContactsPage(victimBrowser.page).expectLoaded();
  await Promise.all([victimBrowser.context.close(), attackerBrowser.context.close()]);
});

test("the Bearer API refuses the access token of a session that was signed out", async ({ browser, request }) => {
  const user = await createTestUser({ group: "user" });
  const { context, page } = await signedInBrowser(browser, user);
  const token = await accessTokenIn(await context.cookies());
  const asBearer = { headers: { authorization: `Bearer ${token}` } };
  expect((await request.get(paths.apiContacts, asBearer)).status()).toBe(200);

  await new ContactsPage(page).signOut();
  const refused = await request.get(paths.apiContacts, asBearer);
  expect(refused.status()).toBe(401);
  expect(refused.headers()["www-authenticate"]).toContain('error="invalid_token"');
  await context.close();
});

test("the sign-in page says why a session ended", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto("?error=SessionIdle");
  await expect(signIn.alert).toHaveText(
    "You were signed out because you were inactive for too long. Please sign in again.",
  );
  await signIn.goto("?error=SessionExpired");
  await expect(signIn.alert).toHaveText("Your session has expired. Please sign in again.");
});
