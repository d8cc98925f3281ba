/**
 * Real outages against a second app instance (see e2e/support/second-instance.ts): PostgreSQL stopped after
 * start-up, and TCP black holes (accept, never answer) in front of the PDP and the stand-in. Each must give a
 * 503 within its deadline, write nothing, and work again once the dependency is back.
 */
import { expect, test, type Page } from "@playwright/test";
import { paths } from "@/lib/paths";
import { ContactsPage } from "@/e2e/pages/contacts-page";
import { SignInPage } from "@/e2e/pages/sign-in-page";
import { UnavailablePage } from "@/e2e/pages/unavailable-page";
import {
  createContactViaApi,
  expectApiRecovered,
  expectApiUnavailable,
  expectPageUnavailable,
  SLACK_MS,
  timed,
} from "@/e2e/support/outage-checks";
import { personas } from "@/e2e/support/personas";
import {
  CACHE_TTL_MS,
  DEADLINES,
  SECOND_APP_URL,
  type SecondInstance,
  startSecondInstance,
} from "@/e2e/support/second-instance";
import { signInForTokens } from "@/e2e/support/stand-in";

const alice = personas.alice;
let app: SecondInstance | undefined;

test.use({ baseURL: SECOND_APP_URL, storageState: { cookies: [], origins: [] } });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  app = await startSecondInstance();
});

test.afterAll(async () => {
  test.setTimeout(60_000);
  await app?.stop();
});

function instance(): SecondInstance {
  if (!app) throw new Error("the second app instance did not start");
  return app;
}

async function signIn(page: Page): Promise<ContactsPage> {
  const signInPage = new SignInPage(page);
  await signInPage.goto(`?callbackUrl=${encodeURIComponent(paths.contacts)}`);
  await signInPage.signIn(alice.email, alice.password);
  const contacts = new ContactsPage(page);
  await contacts.expectLoaded();
  return contacts;
}

test("the standalone server serves the app on its own: assets, readiness, a signed-in list", async ({
  page,
  request,
}) => {
  const assets: { url: string; status: number }[] = [];
  page.on("response", (response) => {
    if (new URL(response.url()).pathname.startsWith("/_next/static/"))
      assets.push({ url: response.url(), status: response.status() });
  });
  await signIn(page);
  expect(assets.length, "the pages load Next's scripts and styles").toBeGreaterThan(0);
  expect(assets.filter(({ status }) => status !== 200)).toEqual([]);
  // Its migrations and policies were traced into the output: the database is migrated and the caches can run.
  const ready = await request.get(paths.apiReady);
  expect(ready.status()).toBe(200);
  expect((await ready.json()).status).toBe("ok");
});

test("PostgreSQL stopped after start-up: 503 page and JSON, nothing written, then it works again", async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const { accessToken } = await signInForTokens(alice.email, alice.password);
  const kept = await createContactViaApi(request, accessToken);
  const contacts = await signIn(page);
  const bound = DEADLINES.databaseMs + SLACK_MS;
  let refused: string;
  try {
    await instance().stopDatabase();
    await expectPageUnavailable(page, "database", bound);
    refused = await expectApiUnavailable(request, accessToken, bound);
  } finally {
    await instance().startDatabase();
  }
  await new UnavailablePage(page).tryAgain.click();
  await contacts.expectLoaded();
  await expectApiRecovered(request, accessToken, kept, refused);
});

test("a PDP that accepts and never answers: 503 within the deadline, nothing written, then it works again", async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const { accessToken } = await signInForTokens(alice.email, alice.password);
  const kept = await createContactViaApi(request, accessToken);
  const contacts = await signIn(page);
  const bound = DEADLINES.cerbosMs + SLACK_MS;
  let refused: string;
  try {
    instance().cerbos.setMode({ kind: "black-hole" });
    // The list just loaded is in the decision caches: reads reach the PDP (and fail closed) once they expire.
    await page.waitForTimeout(CACHE_TTL_MS + 200);
    await expectPageUnavailable(page, "cerbos", bound);
    refused = await expectApiUnavailable(request, accessToken, bound);
  } finally {
    instance().cerbos.setMode({ kind: "pass" });
  }
  await new UnavailablePage(page).tryAgain.click();
  await contacts.expectLoaded();
  await expectApiRecovered(request, accessToken, kept, refused);
});

test("a Cognito API that accepts and never answers: sign-in, refresh and sign-out answer within the deadline", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const bound = DEADLINES.cognitoMs + SLACK_MS;
  const contacts = await signIn(page);
  const signInPage = new SignInPage(page);
  try {
    instance().cognito.setMode({ kind: "black-hole" });

    const refresh = await timed("refresh", async () => {
      await page.goto(paths.refreshWith({ returnTo: paths.contacts }));
      await new UnavailablePage(page).expectShownBecause("cognito", paths.contacts);
    });
    expect(refresh.ms, "a refresh that Cognito never answers ends on the unavailable page").toBeLessThan(bound);

    await contacts.goto();
    await contacts.expectLoaded();
    const signOut = await timed("sign-out", async () => {
      await contacts.signOutButton.click();
      await expect(page).toHaveURL((url) => url.pathname === paths.signIn && url.searchParams.get("signedOut") === "1");
    });
    expect(signOut.ms, "sign-out goes on without Cognito").toBeLessThan(bound);
    await contacts.goto();
    await expect(page, "the local session has ended").toHaveURL((url) => url.pathname === paths.signIn);

    await signInPage.goto();
    const signInAttempt = await timed("sign-in form", async () => {
      await signInPage.signIn(alice.email, alice.password);
      await expect(signInPage.alert).toContainText("The sign-in service is unavailable");
    });
    expect(signInAttempt.ms, "the sign-in form says the service is unavailable").toBeLessThan(bound);
  } finally {
    instance().cognito.setMode({ kind: "pass" });
  }
  await signInPage.signIn(alice.email, alice.password);
  await contacts.expectLoaded();
});
