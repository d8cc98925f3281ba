import { expect, test } from "@playwright/test";
import { AdminUsersPage } from "@/e2e/pages/admin-users-page";
import { cognitoStateOf, disableTestUser } from "@/e2e/support/admin-changes";
import { personas } from "@/e2e/support/personas";
import { createTestUser, deleteTestUser, type TestUser } from "@/e2e/support/stand-in";
import { signInInNewBrowser } from "@/e2e/support/throwaway-session";

/**
 * The last enabled admin keeps the role, end to end. It needs a pool with exactly one enabled admin, so it runs in
 * the disruptive project (alone): the chromium specs make throwaway admins all the time. The actor is an admin by
 * their token but disabled in Cognito since, directly (as the AWS console would, so the app wrote no refresh mark):
 * the seeded admin is then the only enabled admin, and only someone other than them can be refused for that reason
 * (they themselves are refused first for removing their own role).
 */
const { admin } = personas;
let actor: TestUser | undefined;

test.afterEach(async () => {
  if (actor) await deleteTestUser(actor.email);
  actor = undefined;
});

test("the last enabled admin can neither lose the role nor be disabled, even by a forged form", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  actor = await createTestUser({ group: "admin", prefix: "last-admin" });
  const page = await signInInNewBrowser(browser, baseURL, actor);
  await disableTestUser(actor.email);

  const users = new AdminUsersPage(page);
  await users.goto(admin.email);
  await expect(users.rows).toHaveCount(1);
  for (const [action, reason] of [
    ["remove_admin", "the last enabled admin cannot lose the role"],
    ["disable", "the last enabled admin cannot be disabled"],
  ] as const) {
    await expect(users.action(admin.email, action)).toHaveAttribute("data-state", "denied");
    await expect(users.badge(admin.email, action)).toHaveText("Denied");
    await expect(users.reason(admin.email, action)).toHaveText(reason);
    await expect(users.button(admin.email, action)).toHaveCount(0);
  }

  // The allowed "Add to user" button of the same row, rewritten to each refused action: the server decides again.
  const before = await cognitoStateOf(admin.email);
  for (const [action, message] of [
    ["remove_admin", "Refused: the last enabled admin cannot lose the role."],
    ["disable", "Refused: the last enabled admin cannot be disabled."],
  ] as const) {
    await users.forge(admin.email, "add_user", { action });
    await users.button(admin.email, "add_user").click();
    await expect(users.outcome(admin.email)).toHaveText(message);
    await expect(users.outcome(admin.email)).toHaveAttribute("data-code", "403");
    await users.goto(admin.email);
  }
  expect(await cognitoStateOf(admin.email)).toEqual(before);
  await page.context().close();
});
