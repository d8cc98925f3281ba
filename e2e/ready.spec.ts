import { expect, test } from "@playwright/test";
import { paths } from "@/lib/paths";

test("readiness reports each dependency with its latency, and nothing else", async ({ request }) => {
  const response = await request.get(paths.apiReady);
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toBe("no-store");
  const body = await response.json();
  expect(body).toEqual({
    status: "ok",
    checks: {
      cerbos: { status: "ok", latencyMs: expect.any(Number) },
      jwks: { status: "ok", latencyMs: expect.any(Number) },
      database: { status: "ok", latencyMs: expect.any(Number) },
    },
  });
  // Public, unauthenticated: no addresses, pool ids or error text.
  expect(JSON.stringify(body)).not.toMatch(/http|127\.0\.0\.1|local_|error/i);
});
