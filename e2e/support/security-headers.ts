import { expect } from "@playwright/test";

/** Headers every response of the app carries (next.config.js; the pages' CSP with its nonce from proxy.ts). */
export function expectSecurityHeaders(headers: Record<string, string>): void {
  expect(headers["content-security-policy"], "CSP").toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"], "CSP").not.toContain("'unsafe-inline'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"], "Referrer-Policy").toBeTruthy();
  expect(headers["x-powered-by"], "X-Powered-By reveals the framework").toBeUndefined();
}
