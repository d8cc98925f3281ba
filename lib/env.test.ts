import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { aws, local, problemsOf } from "@/lib/testing/env-fixtures";

describe("parseEnv: Cognito modes, required variables and secrets", () => {
  it("derives the stand-in's issuer, JWKS and endpoints in local mode", () => {
    const env = parseEnv(local);
    expect(env.cognito).toMatchObject({
      mode: "local",
      issuer: "http://127.0.0.1:9229/local_AbC123",
      jwksUri: "http://127.0.0.1:9229/local_AbC123/.well-known/jwks.json",
      hostedUiUrl: "http://127.0.0.1:9229",
      apiEndpoint: "http://127.0.0.1:9229",
    });
    expect(env.secureCookies).toBe(false);
    expect(env.CERBOS_URL).toBe("http://127.0.0.1:3592");
    expect(env.CERBOS_TIMEOUT_MS).toBe(2000);
  });

  it("derives the AWS issuer and uses the SDK's regional endpoint in aws mode", () => {
    const env = parseEnv(aws);
    expect(env.cognito).toMatchObject({
      mode: "aws",
      region: "eu-west-1",
      issuer: "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123",
      hostedUiUrl: "https://contacts.auth.eu-west-1.amazoncognito.com",
      apiEndpoint: undefined,
    });
    expect(env.secureCookies).toBe(true);
  });

  it("names every missing variable", () => {
    const message = problemsOf({ NODE_ENV: "production" });
    for (const name of [
      "COGNITO_MODE",
      "COGNITO_USER_POOL_ID",
      "COGNITO_CLIENT_ID",
      "NEXTAUTH_URL",
      "NEXTAUTH_SECRET",
      "SESSION_PASSWORD",
    ]) {
      expect(message).toContain(name);
    }
  });

  it("treats empty values as missing", () => {
    expect(problemsOf({ ...local, SESSION_PASSWORD: "" })).toContain("SESSION_PASSWORD");
  });

  it("refuses example secrets in production, naming the variable", () => {
    const message = problemsOf({ ...local, NEXTAUTH_SECRET: "change-me-to-32-random-bytes-base64url-000" });
    expect(message).toContain("NEXTAUTH_SECRET");
    expect(message).toContain("example");
  });

  it("allows example secrets outside production", () => {
    expect(() =>
      parseEnv({ ...local, NODE_ENV: "development", NEXTAUTH_SECRET: "change-me-to-32-random-bytes-base64url-000" }),
    ).not.toThrow();
  });

  it("refuses short secrets and a shared secret", () => {
    expect(problemsOf({ ...local, SESSION_PASSWORD: "short" })).toContain("SESSION_PASSWORD");
    expect(problemsOf({ ...local, SESSION_PASSWORD: local.NEXTAUTH_SECRET })).toContain("must differ");
  });

  it("trusts the stand-in only on loopback", () => {
    expect(problemsOf({ ...local, COGNITO_LOCAL_URL: "http://cognito.example.com:9229" })).toContain("loopback");
  });

  it("requires the stand-in URL in local mode and region and Hosted UI domain in aws mode", () => {
    expect(problemsOf({ ...local, COGNITO_LOCAL_URL: undefined })).toContain("COGNITO_LOCAL_URL");
    const message = problemsOf({ ...aws, COGNITO_REGION: undefined, COGNITO_DOMAIN: undefined });
    expect(message).toContain("COGNITO_REGION");
    expect(message).toContain("COGNITO_DOMAIN");
    expect(problemsOf({ ...aws, COGNITO_DOMAIN: "http://contacts.auth.example.com" })).toContain("https");
  });

  it("gives every Cognito call a 5 s deadline unless COGNITO_TIMEOUT_MS says otherwise, within bounds", () => {
    expect(parseEnv(local).cognito.timeoutMs).toBe(5000);
    expect(parseEnv({ ...aws, COGNITO_TIMEOUT_MS: "1500" }).cognito.timeoutMs).toBe(1500);
    for (const value of ["99", "30001", "soon", "2.5"])
      expect(problemsOf({ ...local, COGNITO_TIMEOUT_MS: value })).toContain("COGNITO_TIMEOUT_MS");
  });

  it("sends API calls to COGNITO_API_ENDPOINT while tokens stay checked against the issuer", () => {
    const env = parseEnv({ ...local, COGNITO_API_ENDPOINT: "http://127.0.0.1:9400/" });
    expect(env.cognito).toMatchObject({
      apiEndpoint: "http://127.0.0.1:9400",
      issuer: "http://127.0.0.1:9229/local_AbC123",
    });
    expect(parseEnv({ ...aws, COGNITO_API_ENDPOINT: "https://vpce.example.com" }).cognito.apiEndpoint).toBe(
      "https://vpce.example.com",
    );
    expect(problemsOf({ ...local, COGNITO_API_ENDPOINT: "http://cognito.example.com" })).toContain(
      "COGNITO_API_ENDPOINT: in local mode",
    );
    expect(problemsOf({ ...aws, COGNITO_API_ENDPOINT: "http://vpce.example.com" })).toContain(
      "COGNITO_API_ENDPOINT: must be an https",
    );
    expect(problemsOf({ ...local, COGNITO_API_ENDPOINT: "not a url" })).toContain("COGNITO_API_ENDPOINT");
  });

  it("rejects an unknown mode and a malformed Cerbos timeout", () => {
    expect(problemsOf({ ...local, COGNITO_MODE: "staging" })).toContain("COGNITO_MODE");
    expect(problemsOf({ ...local, CERBOS_TIMEOUT_MS: "soon" })).toContain("CERBOS_TIMEOUT_MS");
  });

  it("caches decisions for 10 s by default, off at 0, never longer than 30 s", () => {
    expect(parseEnv(local)).toMatchObject({
      CERBOS_CACHE_TTL_MS: 10_000,
      CERBOS_CACHE_MAX_ENTRIES: 10_000,
      CERBOS_POLICY_DIR: "cerbos/policies",
    });
    expect(parseEnv({ ...local, CERBOS_CACHE_TTL_MS: "0" }).CERBOS_CACHE_TTL_MS).toBe(0);
    expect(problemsOf({ ...local, CERBOS_CACHE_TTL_MS: "60000" })).toContain("CERBOS_CACHE_TTL_MS");
    expect(problemsOf({ ...local, CERBOS_CACHE_MAX_ENTRIES: "0" })).toContain("CERBOS_CACHE_MAX_ENTRIES");
  });
});
