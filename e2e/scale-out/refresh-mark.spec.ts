import { expect, test, type Browser } from "@playwright/test";
import { paths } from "@/lib/paths";
import { HostedUiPage } from "@/e2e/pages/hosted-ui-page";
import { SignInPage } from "@/e2e/pages/sign-in-page";
import { SignedInHeader } from "@/e2e/pages/signed-in-header";
import { addTestUserToGroup, disableTestUser, markForRefresh, subOfTestUser } from "@/e2e/support/admin-changes";
import { INSTANCE_PORTS, pin, PROXY_URL, startCluster, type Cluster } from "@/e2e/support/cluster";
import { createTestUser, deleteTestUser, type TestUser } from "@/e2e/support/stand-in";

// A role change marked in the shared database by "one instance" (the admin's) is applied at the next request by
// whichever instance serves it: groups come from the access token, so the mark makes that request refresh it.
const [A, B] = INSTANCE_PORTS;
let cluster: Cluster;
let user: TestUser;

test.describe.configure({ mode: "serial" });
test.use({ baseURL: PROXY_URL });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  cluster = await startCluster();
});
test.beforeEach(async () => {
  user = await createTestUser({ group: "user" });
});
test.afterEach(async () => {
  await deleteTestUser(user.email);
});
test.afterAll(async () => {
  await cluster?.stop();
});

/** One browser signed in directly on A, one through the Hosted UI on B, both showing the user role. */
async function bothSessions(browser: Browser) {
  const pages = [];
  for (const [port, hostedUi] of [
    [A, false],
    [B, true],
  ] as const) {
    const context = await browser.newContext({ baseURL: PROXY_URL });
    const target = await pin(context, port);
    const page = await context.newPage();
    const signIn = new SignInPage(page);
    await signIn.goto();
    if (hostedUi) {
      await signIn.startHostedUi();
      await new HostedUiPage(page).signIn(user.email, user.password);
    } else {
      await signIn.signIn(user.email, user.password);
    }
    await expect(page).toHaveURL((url) => url.pathname === paths.contacts);
    await expect(new SignedInHeader(page).user).toContainText("Roles: user ·");
    pages.push({ page, target, context });
  }
  return pages;
}

test("a new group shows at the next request of both sessions, on the other instance", async ({ browser }) => {
  const sessions = await bothSessions(browser);
  await addTestUserToGroup(user.email, "admin");
  // Without a mark the tokens' groups stand until they expire.
  for (const { page } of sessions) {
    await page.goto(paths.contacts);
    await expect(new SignedInHeader(page).user).toContainText("Roles: user ·");
  }
  expect(await markForRefresh(cluster.databaseUrl, await subOfTestUser(user.email))).toBe(2);
  for (const { page, target } of sessions) {
    target.to(target === sessions[0]?.target ? B : A);
    await page.goto(paths.contacts);
    await expect(page).toHaveURL((url) => url.pathname === paths.contacts);
    await expect(new SignedInHeader(page).user).toContainText(/Roles: (admin, user|user, admin) ·/);
  }
  for (const { context } of sessions) await context.close();
});

test("a disabled user's next request, by either sign-in method, ends on the sign-in page", async ({ browser }) => {
  const sessions = await bothSessions(browser);
  await disableTestUser(user.email);
  await markForRefresh(cluster.databaseUrl, await subOfTestUser(user.email));
  for (const { page } of sessions) {
    await page.goto(paths.contacts);
    await expect(page).toHaveURL((url) => url.pathname === paths.signIn);
    await expect(page.getByText("Your session has expired. Please sign in again.")).toBeVisible();
    await page.goto(paths.contacts);
    await expect(page).toHaveURL((url) => url.pathname === paths.signIn);
  }
  for (const { context } of sessions) await context.close();
});
