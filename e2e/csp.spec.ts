import { type Page } from "@playwright/test";
import { paths } from "@/lib/paths";
import { uniqueName } from "@/e2e/support/contacts-api";
import { expect, test } from "@/e2e/support/contacts-test";
import { watchCsp } from "@/e2e/support/csp-watch";
import { waitForHydration } from "@/e2e/support/forms";

declare global {
  interface Window {
    __injected?: boolean;
  }
}

/** The page's own scripts ran (they carry the nonce): React hydrated its first form or link. */
async function expectHydrated(page: Page): Promise<void> {
  await waitForHydration(page.locator("form, a").first());
}

test("an injected inline script does not run, and the browser reports the violation", async ({ page }) => {
  const csp = await watchCsp(page);
  // What a reflected-XSS bug would produce: the real page and its real headers, plus a script without the nonce.
  await page.route(`**${paths.signIn}`, async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace("</body>", "<script>window.__injected = true</script></body>");
    await route.fulfill({ response, body: html });
  });
  const response = await page.goto(paths.signIn);
  const policy = (await response?.allHeaders())?.["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(policy).not.toContain("unsafe-inline");
  expect(policy).not.toContain("unsafe-eval");
  await expectHydrated(page);
  expect(await page.evaluate(() => window.__injected)).toBeUndefined();
  await expect.poll(csp.violations).toContainEqual(expect.stringMatching(/^script-src-elem blocked inline/));
});

test("each response gets its own nonce, on Next's scripts", async ({ request }) => {
  const nonces = new Set<string>();
  for (let i = 0; i < 3; i++) {
    const response = await request.get(paths.signIn);
    const nonce = /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"] ?? "")?.[1];
    expect(nonce).toBeTruthy();
    expect(await response.text()).toContain(`nonce="${nonce}"`);
    nonces.add(nonce!);
  }
  expect(nonces.size).toBe(3);
});

test("signed-out pages show no CSP violation", async ({ page }) => {
  const csp = await watchCsp(page);
  for (const path of [
    paths.signIn,
    paths.newPassword,
    "/no-such-page",
    paths.unavailableWith({ reason: "database" }),
  ]) {
    const response = await page.goto(path);
    expect(response?.headers()["content-security-policy"], path).toContain("'strict-dynamic'");
    if (!path.startsWith(paths.unavailable)) await expectHydrated(page);
    await expect(page.locator("h1"), path).toBeVisible();
    expect(await csp.violations(), path).toEqual([]);
  }
  expect(csp.consoleErrors).toEqual([]);
});

test("signed-in pages show no CSP violation", async ({ apiAs, pageAs }) => {
  const contact = await (await apiAs("alice")).createOk({ name: uniqueName("csp") });
  const page = await pageAs("alice");
  const csp = await watchCsp(page);
  const pages = [
    paths.contacts,
    paths.contactDetail(contact.id),
    paths.newContact,
    paths.editContact(contact.id),
    paths.deleteContact(contact.id),
  ];
  for (const path of pages) {
    await page.goto(path);
    await expect(page).toHaveURL((url) => url.pathname === path);
    await expectHydrated(page);
    expect(await csp.violations(), path).toEqual([]);
  }
  expect(csp.consoleErrors).toEqual([]);
});
