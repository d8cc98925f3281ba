/** What every outage must look like from outside: a quick 503 with Retry-After, and nothing written. */
import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { paths } from "@/lib/paths";
import { UnavailablePage, type UnavailableReason } from "@/e2e/pages/unavailable-page";

/** Room above a deadline for a busy two-core machine; a hang is many times longer. */
export const SLACK_MS = 3_000;

/** Runs `run` and records how long it took in the test's report (type "measured"). */
export async function timed<T>(label: string, run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = Date.now();
  const value = await run();
  const ms = Date.now() - started;
  test.info().annotations.push({ type: "measured", description: `${label}: ${ms} ms` });
  return { ms, value };
}

export const uniqueName = (label: string) => `Zz outage ${label} ${randomUUID().slice(0, 8)}`;

/** The API read and write both answer 503 JSON with Retry-After within `boundMs`; the write is not stored. */
export async function expectApiUnavailable(
  request: APIRequestContext,
  token: string,
  boundMs: number,
): Promise<string> {
  const headers = { Authorization: `Bearer ${token}` };
  const read = await timed("API read", () => request.get(paths.apiContacts, { headers }));
  expect(read.value.status()).toBe(503);
  expect(read.value.headers()["retry-after"]).toMatch(/^\d+$/);
  expect(read.value.headers()["content-type"]).toContain("application/json");
  expect(read.ms, "the API read answers within the deadline").toBeLessThan(boundMs);
  const name = uniqueName("write");
  const write = await timed("API write", () => request.post(paths.apiContacts, { headers, data: { name } }));
  expect(write.value.status()).toBe(503);
  expect(write.value.headers()["retry-after"]).toMatch(/^\d+$/);
  expect(((await write.value.json()) as { error: { code: string } }).error.code).toMatch(/_unavailable$/);
  expect(write.ms, "the API write answers within the deadline").toBeLessThan(boundMs);
  return name;
}

/** After recovery: the same read works and shows `present`, and the write refused during the outage is absent. */
export async function expectApiRecovered(request: APIRequestContext, token: string, present: string, absent: string) {
  const response = await request.get(paths.apiContactsWith({ q: "Zz outage", pageSize: 50 }), {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(response.status()).toBe(200);
  const names = ((await response.json()) as { contacts: { name: string }[] }).contacts.map((c) => c.name);
  expect(names).toContain(present);
  expect(names).not.toContain(absent);
}

/** The contacts page lands on the 503 page for `reason` within `boundMs`. */
export async function expectPageUnavailable(page: Page, reason: UnavailableReason, boundMs: number): Promise<void> {
  const statuses: number[] = [];
  page.on("response", (response) => {
    if (new URL(response.url()).pathname === paths.unavailable) statuses.push(response.status());
  });
  const { ms } = await timed("contacts page", async () => {
    await page.goto(paths.contacts);
    await new UnavailablePage(page).expectShownBecause(reason, paths.contacts);
  });
  expect(statuses, "the unavailable page is answered with 503").toContain(503);
  expect(ms, "the page answers within the deadline").toBeLessThan(boundMs);
}

export async function createContactViaApi(request: APIRequestContext, token: string): Promise<string> {
  const name = uniqueName("kept");
  const response = await request.post(paths.apiContacts, {
    headers: { Authorization: `Bearer ${token}` },
    data: { name },
  });
  expect(response.status()).toBe(201);
  return name;
}
