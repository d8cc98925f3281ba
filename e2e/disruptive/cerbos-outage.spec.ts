import { expect, test } from "@playwright/test";
import { paths } from "@/lib/paths";
import { ContactsPage } from "@/e2e/pages/contacts-page";
import { UnavailablePage } from "@/e2e/pages/unavailable-page";
import { personas, storageStatePath } from "@/e2e/support/personas";
import { startCerbos, stopCerbos } from "@/e2e/support/stack-control";
import { signInForTokens } from "@/e2e/support/stand-in";

test.use({ storageState: storageStatePath("alice") });

/** The e2e stack's CERBOS_CACHE_TTL_MS (lib/env.ts's default): reads may be answered from the caches this long. */
const CACHE_TTL_MS = 10_000;

test("without the PDP the app fails closed, and recovers when it returns", async ({ page, request }) => {
  test.setTimeout(120_000);
  const { accessToken } = await signInForTokens(personas.alice.email, personas.alice.password);
  const contacts = new ContactsPage(page);
  await contacts.goto();
  await contacts.expectLoaded();

  try {
    await stopCerbos();
    // The list just loaded is in the decision caches: reads reach the PDP (and fail closed) once they expire.
    await page.waitForTimeout(CACHE_TTL_MS + 500);

    const unavailable = new UnavailablePage(page);
    const responses: number[] = [];
    page.on("response", (response) => {
      if (new URL(response.url()).pathname === paths.unavailable) responses.push(response.status());
    });
    await contacts.goto();
    await unavailable.expectShownFor(paths.contacts);
    expect(responses, "the unavailable page is answered with 503").toContain(503);
    await expect(contacts.table).toHaveCount(0);

    const api = await request.get(paths.apiContacts, { headers: { Authorization: `Bearer ${accessToken}` } });
    expect(api.status()).toBe(503);
    expect(api.headers()["retry-after"]).toMatch(/^\d+$/);
    expect(api.headers()["content-type"]).toContain("application/json");

    // Readiness names the PDP as the dependency that is down, and only it.
    const ready = await request.get(paths.apiReady);
    expect(ready.status()).toBe(503);
    expect((await ready.json()).checks).toMatchObject({
      cerbos: { status: "unavailable" },
      jwks: { status: "ok" },
      database: { status: "ok" },
    });

    await startCerbos();
    await expect.poll(async () => (await request.get(paths.apiReady)).status(), { timeout: 20_000 }).toBe(200);
    await unavailable.tryAgain.click();
    await contacts.expectPermissionsOf(personas.alice);
  } finally {
    // Later tests (and a rerun) need the PDP whatever happened above.
    await startCerbos();
  }
});
