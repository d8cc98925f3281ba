import { expect, test } from "@playwright/test";
import { paths } from "@/lib/paths";
import { HostedUiPage } from "@/e2e/pages/hosted-ui-page";
import { SignInPage } from "@/e2e/pages/sign-in-page";
import { watchCsp } from "@/e2e/support/csp-watch";
import { personas } from "@/e2e/support/personas";

// The same server under the name Next prints: NEXTAUTH_URL (and so every cookie) says localhost.
const CANONICAL = "http://localhost:3100";
const OTHER_NAME = "http://127.0.0.1:3100";

test("a page on another name for the app is sent to the canonical origin with a 308, keeping path and query", async ({
  request,
}) => {
  const response = await request.get(`${OTHER_NAME}${paths.signIn}?callbackUrl=%2Fcontacts%3Fq%3Dada`, {
    maxRedirects: 0,
  });
  expect(response.status()).toBe(308);
  expect(response.headers()["location"]).toBe(`${CANONICAL}${paths.signIn}?callbackUrl=%2Fcontacts%3Fq%3Dada`);
});

test("a POST there is refused rather than re-sent elsewhere; the health check answers on any name", async ({
  request,
}) => {
  const post = await request.post(`${OTHER_NAME}${paths.signIn}`, { form: { email: "x" }, maxRedirects: 0 });
  expect(post.status()).toBe(421);
  expect(await post.text()).toContain(CANONICAL);
  expect((await request.get(`${OTHER_NAME}/api/health`, { maxRedirects: 0 })).status()).toBe(200);
});

test("Hosted UI sign-in started from 127.0.0.1 completes and lands on /contacts on localhost", async ({ page }) => {
  const csp = await watchCsp(page);
  await page.goto(`${OTHER_NAME}${paths.signIn}`);
  await expect(page).toHaveURL(`${CANONICAL}${paths.signIn}`);
  const signIn = new SignInPage(page);
  await expect(signIn.heading).toBeVisible();
  await signIn.startHostedUi();
  await new HostedUiPage(page).signIn(personas.alice.email, personas.alice.password);
  await expect(page).toHaveURL((url) => url.origin === CANONICAL && url.pathname === paths.contacts);
  await expect(page.getByRole("heading", { name: "Contacts", exact: true })).toBeVisible();
  // The stand-in's login page ran under its own strict CSP (no script, its stylesheet by hash) without a violation.
  expect(csp.consoleErrors).toEqual([]);
});
