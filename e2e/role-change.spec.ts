import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { paths } from "@/lib/paths";
import { AdminUsersPage } from "@/e2e/pages/admin-users-page";
import { ContactsPage } from "@/e2e/pages/contacts-page";
import { SignedInHeader } from "@/e2e/pages/signed-in-header";
import { SignInPage } from "@/e2e/pages/sign-in-page";
import { cognitoStateOf } from "@/e2e/support/admin-changes";
import { type ApiContact, ContactsApi, uniqueName, uniqueWord } from "@/e2e/support/contacts-api";
import { test } from "@/e2e/support/contacts-test";
import { createTestUser, deleteTestUser, signInForTokens, type TestUser } from "@/e2e/support/stand-in";
import { signInInNewBrowser, type SignInMethod } from "@/e2e/support/throwaway-session";

/**
 * What the console's changes mean for the user's own sessions, in two browsers: the admin's (A) and a throwaway
 * user's (B). Groups live in the access token; the console marks the user's sessions, so B's next request refreshes
 * them and shows the new role without signing out. A disabled user is signed out at once.
 */
test.describe.configure({ timeout: 150_000 });

const made: TestUser[] = [];
async function throwaway(prefix: string): Promise<TestUser> {
  const user = await createTestUser({ group: "user", prefix });
  made.push(user);
  return user;
}
test.afterEach(async () => {
  for (const user of made.splice(0)) await deleteTestUser(user.email);
});

/** B's next page: the header's roles, the Users link, and the decision on someone else's (alice's) contact. */
async function expectRoleOnNextPage(page: Page, contact: ApiContact, role: "admin" | "user"): Promise<void> {
  await page.goto(paths.contactsWith({ q: contact.name }));
  await new ContactsPage(page).expectLoaded();
  const header = new SignedInHeader(page);
  const deleteDecision = new ContactsPage(page).row(contact.id).locator('[data-action="delete"]');
  if (role === "admin") {
    await expect(header.user).toContainText(/Roles: (admin, user|user, admin) ·/);
    await expect(header.usersLink).toHaveCount(1);
    await expect(deleteDecision).toHaveAttribute("data-allowed", "true");
  } else {
    await expect(header.user).toContainText("Roles: user ·");
    await expect(header.usersLink).toHaveCount(0);
    await expect(deleteDecision).toHaveAttribute("data-allowed", "false");
  }
}

const listStatus = async (request: APIRequestContext, token: string) =>
  (await new ContactsApi(request, token).list()).status();

for (const via of ["form", "hosted-ui"] as const satisfies readonly SignInMethod[]) {
  test(`signed in by ${via}: the admin's group changes show at the user's next page, without signing out`, async ({
    pageAs,
    apiAs,
    browser,
    baseURL,
    request,
  }) => {
    const contact = await (await apiAs("alice")).createOk({ name: uniqueName("role change") });
    const word = uniqueWord();
    const user = await throwaway(word);
    const userPage = await signInInNewBrowser(browser, baseURL, user, via);
    await expectRoleOnNextPage(userPage, contact, "user");
    const before = (await signInForTokens(user.email, user.password)).accessToken;
    expect(await listStatus(request, before)).toBe(200);

    const users = new AdminUsersPage(await pageAs("admin"));
    await users.goto(`e2e-${word}`);
    await users.run(user.email, "add_admin");
    expect((await cognitoStateOf(user.email)).groups).toEqual(["admin", "user"]);
    await expectRoleOnNextPage(userPage, contact, "admin");
    await expect(userPage.getByRole("heading", { name: "Sign in", exact: true })).toHaveCount(0);

    // The refresh mark: a Bearer token issued before the change carries the old groups, so the API refuses it
    // (401, the client refreshes); one issued after it is honoured. A token from the mark's own second still
    // counts as older (lib/auth/session/refresh-mark.ts), hence the poll.
    expect(await listStatus(request, before)).toBe(401);
    await expect
      .poll(async () => listStatus(request, (await signInForTokens(user.email, user.password)).accessToken))
      .toBe(200);

    await users.run(user.email, "remove_admin");
    // Cognito itself first: a stale page in B could otherwise be a session bug or a change that did not happen.
    expect((await cognitoStateOf(user.email)).groups).toEqual(["user"]);
    await expectRoleOnNextPage(userPage, contact, "user");
    await userPage.context().close();
  });
}

test("a disabled user's next request is signed out, and signing in fails until an admin enables them again", async ({
  pageAs,
  browser,
  baseURL,
  request,
}) => {
  const word = uniqueWord();
  const user = await throwaway(word);
  const userPage = await signInInNewBrowser(browser, baseURL, user);
  const token = (await signInForTokens(user.email, user.password)).accessToken;
  const users = new AdminUsersPage(await pageAs("admin"));
  await users.goto(`e2e-${word}`);
  await users.run(user.email, "disable");

  await userPage.goto(paths.contacts);
  await expect(userPage).toHaveURL((url) => url.pathname === paths.signIn);
  const signIn = new SignInPage(userPage);
  await expect(signIn.alert).toHaveText("This session has been signed out. Please sign in again.");
  // Cognito's answer for a disabled user is NotAuthorizedException, which the form shows like a wrong password.
  await signIn.signIn(user.email, user.password);
  await expect(signIn.alert.filter({ hasText: "Incorrect email or password." })).toBeVisible();
  await expect(userPage).toHaveURL((url) => url.pathname === paths.signIn);
  // The disable also signs the user out of Cognito: the Bearer token no longer passes either.
  expect(await listStatus(request, token)).toBe(401);

  await users.run(user.email, "enable");
  await signIn.signIn(user.email, user.password);
  await new ContactsPage(userPage).expectLoaded();
  await expect(new SignedInHeader(userPage).user).toContainText("Roles: user ·");
  await userPage.context().close();
});
