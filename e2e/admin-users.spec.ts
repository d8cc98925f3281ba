import { paths } from "@/lib/paths";
import type { ChangeAction } from "@/lib/admin/user-action-rules";
import { AdminUsersPage } from "@/e2e/pages/admin-users-page";
import { AuditPage } from "@/e2e/pages/audit-page";
import { NewPasswordPage } from "@/e2e/pages/new-password-page";
import { SignedInHeader } from "@/e2e/pages/signed-in-header";
import { SignInPage } from "@/e2e/pages/sign-in-page";
import { cognitoStateOf } from "@/e2e/support/admin-changes";
import { expectNoSeriousA11yViolations } from "@/e2e/support/axe";
import { uniqueWord } from "@/e2e/support/contacts-api";
import { expect, test } from "@/e2e/support/contacts-test";
import { personas } from "@/e2e/support/personas";
import { createTestUser, deleteTestUser, type TestUser } from "@/e2e/support/stand-in";
import { signInInNewBrowser } from "@/e2e/support/throwaway-session";
import { expectNoHorizontalScroll, expectWithinViewportWidth, PHONE } from "@/e2e/support/viewport";

/**
 * The console against throwaway users only: other specs run in parallel on the seeded personas, so nothing here
 * changes admin, alice, bob, nora or newbie. Each test searches for its own users' email prefix.
 */
const { admin } = personas;
test.describe.configure({ timeout: 120_000 });

// Per worker, one test at a time: the users the running test made, deleted after it.
const made: TestUser[] = [];
async function throwaway(prefix: string, options: { group?: string; temporary?: boolean } = {}): Promise<TestUser> {
  const user = await createTestUser({ ...options, prefix });
  made.push(user);
  return user;
}
test.afterEach(async () => {
  for (const user of made.splice(0)) await deleteTestUser(user.email);
});

test("an admin sees each user's email, status, groups and Enabled; the header links to it; axe-clean, phone-wide", async ({
  pageAs,
}) => {
  const word = uniqueWord();
  const member = await throwaway(word, { group: "user" });
  const temporary = await throwaway(word, { temporary: true });
  const page = await pageAs("admin");
  await page.goto(paths.contacts);
  await new SignedInHeader(page).usersLink.click();
  const users = new AdminUsersPage(page);
  await expect(users.heading).toBeVisible();
  await users.goto(`e2e-${word}`);
  await expect(users.rows).toHaveCount(2);
  await expect(users.row(member.email).getByRole("rowheader")).toHaveText(member.email);
  await expect(users.cell(member.email, "status")).toContainText("CONFIRMED");
  await expect(users.cell(member.email, "groups")).toHaveText("user");
  await expect(users.cell(member.email, "enabled")).toHaveText("Enabled");
  await expect(users.cell(temporary.email, "status")).toContainText("FORCE_CHANGE_PASSWORD");
  await expect(users.cell(temporary.email, "groups")).toHaveText("none");
  await expect(users.cell(temporary.email, "enabled")).toHaveText("Enabled");
  for (const action of ["add_admin", "remove_user", "disable", "reset_password"] as const) {
    await expect(users.action(member.email, action), action).toHaveAttribute("data-state", "allowed");
    await expect(users.badge(member.email, action)).toHaveText("Allowed");
  }
  await expectNoSeriousA11yViolations(page, "the users console");

  await page.setViewportSize(PHONE);
  await expectNoHorizontalScroll(page, "the users console");
  await expectWithinViewportWidth(users.button(member.email, "reset_password"), "a row's last button");
});

test("a member and a user in no group get the 404 page at /admin/users, and no Users link", async ({ pageAs }) => {
  for (const key of ["alice", "nora"] as const) {
    const page = await pageAs(key);
    const response = await page.goto(paths.admin.users);
    expect(response?.status(), key).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    await expect(new AdminUsersPage(page).table).toHaveCount(0);
    await page.goto(paths.contacts);
    await expect(new SignedInHeader(page).usersLink, key).toHaveCount(0);
  }
});

test("every group action, disable and enable show on the page, stay after a reload and are in the audit view", async ({
  pageAs,
}) => {
  const word = uniqueWord();
  const user = await throwaway(word, { group: "user" });
  const page = await pageAs("admin");
  const users = new AdminUsersPage(page);
  await users.goto(`e2e-${word}`);
  const steps: { action: ChangeAction; groups: string | RegExp; enabled: string; next: ChangeAction }[] = [
    { action: "add_admin", groups: /^(admin, user|user, admin)$/, enabled: "Enabled", next: "remove_admin" },
    { action: "remove_admin", groups: "user", enabled: "Enabled", next: "add_admin" },
    { action: "remove_user", groups: "none", enabled: "Enabled", next: "add_user" },
    { action: "add_user", groups: "user", enabled: "Enabled", next: "remove_user" },
    { action: "disable", groups: "user", enabled: "Disabled", next: "enable" },
    { action: "enable", groups: "user", enabled: "Enabled", next: "disable" },
  ];
  for (const { action, groups, enabled, next } of steps) {
    await users.run(user.email, action);
    await expect(users.cell(user.email, "groups"), action).toHaveText(groups);
    await expect(users.cell(user.email, "enabled"), action).toHaveText(enabled);
    // The pair now offers the opposite action, and the one just done is gone (a no-op is never offered).
    await expect(users.action(user.email, next), action).toHaveAttribute("data-state", "allowed");
    await expect(users.action(user.email, action), action).toHaveCount(0);
  }
  await page.reload();
  await expect(users.cell(user.email, "groups")).toHaveText("user");
  await expect(users.cell(user.email, "enabled")).toHaveText("Enabled");
  expect(await cognitoStateOf(user.email)).toMatchObject({ enabled: true, groups: ["user"] });

  const audit = new AuditPage(page);
  await audit.goto();
  for (const { action } of steps) {
    const row = audit.adminActionsOn(user.email, action, "done");
    await expect(row, action).toHaveCount(1);
    await expect(row, action).toContainText(admin.email);
  }
});

test("require a new password: shown once, the old one stops working, the new one asks for a new password", async ({
  pageAs,
  browser,
  baseURL,
}) => {
  const word = uniqueWord();
  const user = await throwaway(word, { group: "user" });
  const page = await pageAs("admin");
  const users = new AdminUsersPage(page);
  await users.goto(`e2e-${word}`);
  await users.run(user.email, "reset_password");
  const temporaryPassword = (await users.temporaryPassword(user.email).textContent()) ?? "";
  expect(temporaryPassword).not.toBe("");
  await expect(users.cell(user.email, "status")).toContainText("FORCE_CHANGE_PASSWORD");
  await page.reload();
  await expect(users.cell(user.email, "status")).toContainText("FORCE_CHANGE_PASSWORD");
  await expect(users.temporaryPassword(user.email)).toHaveCount(0);
  await expect(page.getByText(temporaryPassword)).toHaveCount(0);

  const context = await browser.newContext({ baseURL });
  const other = await context.newPage();
  const signIn = new SignInPage(other);
  await signIn.goto();
  await signIn.signIn(user.email, user.password);
  await expect(signIn.alert).toHaveText("Incorrect email or password.");
  await signIn.signIn(user.email, temporaryPassword);
  const newPassword = new NewPasswordPage(other);
  await newPassword.expectLoaded();
  await newPassword.choose("Chosen#Pass2");
  await expect(other).toHaveURL((url) => url.pathname === paths.contacts);
  await context.close();
  await expect.poll(async () => (await cognitoStateOf(user.email)).status).toBe("CONFIRMED");
});

test("the admin's own row denies self-removal and self-disable; forged forms are refused and change nothing", async ({
  pageAs,
}) => {
  const page = await pageAs("admin");
  const users = new AdminUsersPage(page);
  await users.goto(admin.email);
  const own = [
    ["remove_admin", "you cannot remove your own admin role"],
    ["disable", "you cannot disable yourself"],
  ] as const;
  for (const [action, reason] of own) {
    await expect(users.action(admin.email, action)).toHaveAttribute("data-state", "denied");
    await expect(users.badge(admin.email, action)).toHaveText("Denied");
    await expect(users.reason(admin.email, action)).toHaveText(reason);
    await expect(users.button(admin.email, action)).toHaveCount(0);
  }
  const adminSub = (await users.row(admin.email).getAttribute("data-user-sub")) ?? "";
  const adminBefore = await cognitoStateOf(admin.email);

  const word = uniqueWord();
  const user = await throwaway(word, { group: "user" });
  await users.goto(`e2e-${word}`);
  const forgeries = [
    { shown: "disable", forged: { sub: adminSub }, message: "Refused: you cannot disable yourself." },
    {
      shown: "add_admin",
      forged: { sub: adminSub, action: "remove_admin" },
      message: "Refused: you cannot remove your own admin role.",
    },
    // A no-op Cerbos allows: the page never offers it, and the action refuses it too.
    { shown: "remove_user", forged: { action: "add_user" }, message: "Not applicable: already in user." },
  ] as const;
  for (const { shown, forged, message } of forgeries) {
    await users.forge(user.email, shown, forged);
    await users.click(user.email, shown);
    await expect(users.outcome(user.email)).toHaveText(message);
    await expect(users.outcome(user.email)).toHaveAttribute("data-outcome", "error");
    await expect(users.outcome(user.email)).toHaveAttribute("data-code", "403");
    await page.reload();
  }
  expect(await cognitoStateOf(admin.email)).toEqual(adminBefore);
  expect(await cognitoStateOf(user.email)).toMatchObject({ enabled: true, groups: ["user"] });

  const audit = new AuditPage(page);
  await audit.goto();
  await expect(audit.adminActionsOn(admin.email, "disable", "refused").first()).toBeVisible();
  await expect(audit.adminActionsOn(user.email, "add_user", "refused")).toHaveCount(1);
});

/**
 * The last-admin rule cannot be exercised here without demoting the seeded admin, which other specs rely on: it is
 * covered by the policy tests (cerbos/policies/_test) and the console's integration tests. What a second admin sees
 * of itself is the same self rule, from its own browser.
 */
test("a throwaway admin, signed in in its own browser, may not remove its own admin role or disable itself", async ({
  browser,
  baseURL,
}) => {
  const word = uniqueWord();
  const other = await throwaway(word, { group: "admin" });
  const page = await signInInNewBrowser(browser, baseURL, other);
  await new SignedInHeader(page).usersLink.click();
  const users = new AdminUsersPage(page);
  await users.goto(`e2e-${word}`);
  await expect(users.row(other.email).getByRole("rowheader")).toContainText("(you)");
  await expect(users.action(other.email, "remove_admin")).toHaveAttribute("data-state", "denied");
  await expect(users.reason(other.email, "remove_admin")).toHaveText("you cannot remove your own admin role");
  await expect(users.reason(other.email, "disable")).toHaveText("you cannot disable yourself");
  await expect(users.button(other.email, "remove_admin")).toHaveCount(0);
  await page.context().close();
});
