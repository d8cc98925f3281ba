import { describe, expect, it } from "vitest";
import { proxySettingsFrom } from "@/lib/http/proxy-settings";

describe("proxySettingsFrom", () => {
  it("takes the canonical origin from NEXTAUTH_URL and the stand-in's origin for form-action in local mode", () => {
    const settings = proxySettingsFrom({
      NEXTAUTH_URL: "http://localhost:3100",
      COGNITO_MODE: "local",
      COGNITO_LOCAL_URL: "http://127.0.0.1:9329/",
    });
    expect(settings.appUrl.origin).toBe("http://localhost:3100");
    expect(settings.formActionOrigins).toEqual(["http://127.0.0.1:9329"]);
    expect(settings.development).toBe(false);
  });

  it("uses the Hosted UI domain in aws mode", () => {
    const settings = proxySettingsFrom({
      NODE_ENV: "development",
      NEXTAUTH_URL: "https://contacts.example.com",
      COGNITO_MODE: "aws",
      COGNITO_DOMAIN: "https://auth.example.com",
      COGNITO_LOCAL_URL: "http://127.0.0.1:9229",
    });
    expect(settings.formActionOrigins).toEqual(["https://auth.example.com"]);
    expect(settings.development).toBe(true);
  });

  it("refuses a missing or malformed NEXTAUTH_URL rather than guessing an origin", () => {
    expect(() => proxySettingsFrom({ COGNITO_MODE: "local" })).toThrow();
    expect(() => proxySettingsFrom({ NEXTAUTH_URL: "localhost:3100", COGNITO_MODE: "local" })).toThrow();
    expect(() => proxySettingsFrom({ NEXTAUTH_URL: "javascript://x", COGNITO_MODE: "local" })).toThrow();
  });

  it("keeps an incoming X-Request-Id only with TRUST_PROXY_REQUEST_ID=1, and refuses other values", () => {
    const base = { NEXTAUTH_URL: "http://localhost:3100", COGNITO_MODE: "local" };
    expect(proxySettingsFrom(base).trustRequestId).toBe(false);
    expect(proxySettingsFrom({ ...base, TRUST_PROXY_REQUEST_ID: "1" }).trustRequestId).toBe(true);
    expect(() => proxySettingsFrom({ ...base, TRUST_PROXY_REQUEST_ID: "yes" })).toThrow();
  });
});
