import { expect, request as http, test, type Browser, type Page } from "@playwright/test";
import { paths } from "@/lib/paths";
import { HostedUiPage } from "@/e2e/pages/hosted-ui-page";
import { SignInPage } from "@/e2e/pages/sign-in-page";
import { SignedInHeader } from "@/e2e/pages/signed-in-header";
import {
  ACCOUNT_MAX_FAILURES,
  INSTANCE_PORTS,
  pin,
  PROXY_URL,
  startCluster,
  type Cluster,
} from "@/e2e/support/cluster";
import { accessTokenOf, ContactsApi, uniqueName } from "@/e2e/support/contacts-api";
import { personas } from "@/e2e/support/personas";

// Two instances of the production build behind nginx (round robin, no sticky sessions): whatever one instance
// did, the other knows, because it is in the database they share. Pinned contexts talk to one instance as the
// proxy would; unpinned ones go through nginx.
const [A, B] = INSTANCE_PORTS;
const alice = personas.alice;
let cluster: Cluster;

test.describe.configure({ mode: "serial" });
test.use({ baseURL: PROXY_URL });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  cluster = await startCluster();
});

test.afterAll(async () => {
  await cluster?.stop();
});

async function expectSignedIn(page: Page): Promise<void> {
  await page.goto(paths.contacts);
  await expect(page).toHaveURL((url) => url.pathname === paths.contacts);
  await expect(new SignedInHeader(page).user).toContainText(alice.email);
}

async function expectSignedOut(page: Page): Promise<void> {
  await page.goto(paths.contacts);
  await expect(page).toHaveURL((url) => url.pathname === paths.signIn);
  await expect(new SignInPage(page).heading).toBeVisible();
}

/** A page whose requests all go to one instance; `pin.to` moves it to the other. */
async function pinnedPage(browser: Browser, port: number, storageState?: string) {
  const context = await browser.newContext({ baseURL: PROXY_URL, storageState });
  const target = await pin(context, port);
  return { page: await context.newPage(), pin: target, context };
}

test("nginx spreads requests over both instances, both answer ready, and the id nginx gives a request is kept", async ({
  request,
}) => {
  const before = cluster.proxy.upstreams().length;
  for (let n = 0; n < 4; n++) {
    const response = await request.get("/api/ready");
    expect(response.status()).toBe(200);
    // nginx's $request_id (32 hex digits), trusted because TRUST_PROXY_REQUEST_ID=1: one id for proxy, app and PDP.
    expect(response.headers()["x-request-id"]).toMatch(/^[0-9a-f]{32}$/);
  }
  const served = new Set(cluster.proxy.upstreams().slice(before));
  expect([...served].sort()).toEqual(INSTANCE_PORTS.map((port) => `127.0.0.1:${port}`));
});

test("a session made on one instance works on the other and through nginx; sign-out on one ends it everywhere", async ({
  browser,
}, testInfo) => {
  const first = await pinnedPage(browser, A);
  const signIn = new SignInPage(first.page);
  await signIn.goto();
  await signIn.signIn(alice.email, alice.password);
  // The action's redirect, with the new cookies applied, before the next navigation.
  await expect(first.page).toHaveURL((url) => url.pathname === paths.contacts);
  await expectSignedIn(first.page);
  const state = testInfo.outputPath("session.json");
  await first.context.storageState({ path: state });

  const second = await pinnedPage(browser, B, state);
  await expectSignedIn(second.page);
  const viaProxy = await browser.newContext({ baseURL: PROXY_URL, storageState: state });
  const proxied = await viaProxy.newPage();
  for (let n = 0; n < 3; n++) await expectSignedIn(proxied);

  await new SignedInHeader(first.page).signOutButton.click();
  await expect(first.page).toHaveURL((url) => url.pathname === paths.signIn);
  // The cookie the other instance sees is still there: it is the registry in the database that says it ended.
  await expectSignedOut(second.page);
  for (let n = 0; n < 2; n++) await expectSignedOut(proxied);
  await Promise.all([first.context.close(), second.context.close(), viaProxy.close()]);
});

test("a Hosted UI sign-in started on one instance is completed by the other", async ({ browser }) => {
  const { page, pin: target, context } = await pinnedPage(browser, A);
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.startHostedUi();
  // The state and PKCE cookies were sealed by A; B opens them and exchanges the code.
  target.to(B);
  await new HostedUiPage(page).signIn(alice.email, alice.password);
  await expect(page).toHaveURL((url) => url.origin === PROXY_URL && url.pathname === paths.contacts);
  await expect(new SignedInHeader(page).user).toContainText(alice.email);
  target.to(A);
  await expectSignedIn(page);
  await context.close();
});

test("sign-in failures are counted per account across both instances", async ({ browser }) => {
  const { page, pin: target, context } = await pinnedPage(browser, A);
  const signIn = new SignInPage(page);
  await signIn.goto();
  const email = `scale-out-${Date.now()}@example.com`;
  const answers: string[] = [];
  for (let n = 0; n <= ACCOUNT_MAX_FAILURES; n++) {
    target.to(n % 2 === 0 ? A : B);
    const answered = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes(paths.signIn));
    await signIn.signIn(email, `Wrong#Pass${n}`);
    await answered;
    await expect(signIn.password).toHaveValue("");
    answers.push((await signIn.alert.textContent()) ?? "");
  }
  const incorrect = Array(ACCOUNT_MAX_FAILURES).fill("Incorrect email or password.");
  expect(answers.slice(0, ACCOUNT_MAX_FAILURES)).toEqual(incorrect);
  expect(answers[ACCOUNT_MAX_FAILURES]).toMatch(/^Too many attempts\. Try again in \d+ minutes?\.$/);
  await context.close();
});

test("a contact edited on one instance is seen on the other; two edits of one version make one 409", async () => {
  const token = await accessTokenOf("alice");
  const [a, b, proxy] = await Promise.all(
    [`http://localhost:${A}`, `http://localhost:${B}`, PROXY_URL].map((baseURL) => http.newContext({ baseURL })),
  );
  const [onA, onB, viaProxy] = [a, b, proxy].map((context) => new ContactsApi(context!, token)) as [
    ContactsApi,
    ContactsApi,
    ContactsApi,
  ];
  const created = await onA.createOk({ name: uniqueName("scale-out"), notes: "v1" });
  expect(await onB.getOk(created.id)).toMatchObject({ notes: "v1", version: created.version });
  expect((await onB.patch(created.id, { version: created.version, notes: "v2" })).status()).toBe(200);
  const edited = await onA.getOk(created.id);
  expect(edited).toMatchObject({ notes: "v2", version: created.version + 1 });

  // The same version sent to both instances at once: the database's compare-and-set lets exactly one win.
  const race = await Promise.all([
    onA.patch(created.id, { version: edited.version, notes: "from A" }),
    onB.patch(created.id, { version: edited.version, notes: "from B" }),
  ]);
  expect(race.map((response) => response.status()).sort()).toEqual([200, 409]);
  const winner = race.findIndex((response) => response.status() === 200) === 0 ? "from A" : "from B";
  const stored = await viaProxy.getOk(created.id);
  expect(stored).toMatchObject({ notes: winner, version: edited.version + 1 });

  // Through nginx, which sends the two to different instances in turn.
  const proxied = await Promise.all(
    ["one", "two"].map((notes) => viaProxy.patch(created.id, { version: stored.version, notes })),
  );
  expect(proxied.map((response) => response.status()).sort()).toEqual([200, 409]);
  expect((await viaProxy.remove(created.id, stored.version + 1)).status()).toBe(204);
  await Promise.all([a, b, proxy].map((context) => context!.dispose()));
});
