import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

const secret = (c: string) => c.repeat(40);

const local = {
  NODE_ENV: "production",
  COGNITO_MODE: "local",
  COGNITO_LOCAL_URL: "http://127.0.0.1:9229/",
  COGNITO_USER_POOL_ID: "local_AbC123",
  COGNITO_CLIENT_ID: "client123",
  COGNITO_CLIENT_SECRET: secret("s"),
  NEXTAUTH_URL: "http://localhost:3000",
  NEXTAUTH_SECRET: secret("n"),
  SESSION_PASSWORD: secret("p"),
};

const aws = {
  ...local,
  COGNITO_MODE: "aws",
  COGNITO_LOCAL_URL: undefined,
  COGNITO_REGION: "eu-west-1",
  COGNITO_USER_POOL_ID: "eu-west-1_AbC123",
  COGNITO_DOMAIN: "https://contacts.auth.eu-west-1.amazoncognito.com",
  NEXTAUTH_URL: "https://contacts.example.com",
};

function problemsOf(source: Record<string, string | undefined>): string {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as Error).message;
  }
  throw new Error("expected parseEnv to throw");
}

describe("parseEnv", () => {
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

  it("uses embedded PGlite by default and PostgreSQL with DATABASE_URL, never echoing the URL", () => {
    expect(parseEnv(local).database).toEqual({ driver: "pglite", dataDir: ".data/pglite" });
    expect(parseEnv({ ...local, DATABASE_URL: "postgresql://u:p@db:5432/contacts" }).database).toMatchObject({
      driver: "pg",
      url: "postgresql://u:p@db:5432/contacts",
    });
    const message = problemsOf({ ...local, DATABASE_URL: "mysql://u:secret@db/contacts" });
    expect(message).toContain("DATABASE_URL");
    expect(message).not.toContain("secret");
  });

  it("takes PostgreSQL's statement and connect timeouts, and refuses ones out of bounds", () => {
    const pg = { ...local, DATABASE_URL: "postgresql://u:p@db:5432/contacts" };
    expect(parseEnv(pg).database).toEqual({
      driver: "pg",
      url: pg.DATABASE_URL,
      statementTimeoutMs: 5_000,
      connectTimeoutMs: 5_000,
    });
    const tuned = { ...pg, DATABASE_STATEMENT_TIMEOUT_MS: "2000", DATABASE_CONNECT_TIMEOUT_MS: "750" };
    expect(parseEnv(tuned).database).toMatchObject({ statementTimeoutMs: 2_000, connectTimeoutMs: 750 });
    expect(problemsOf({ ...pg, DATABASE_STATEMENT_TIMEOUT_MS: "0" })).toContain("DATABASE_STATEMENT_TIMEOUT_MS");
    expect(problemsOf({ ...pg, DATABASE_CONNECT_TIMEOUT_MS: "forever" })).toContain("DATABASE_CONNECT_TIMEOUT_MS");
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

  it("defaults the sign-in throttle to 5 per account and address, 100 per address, 15-minute window and cap", () => {
    const env = parseEnv(local);
    expect(env.TRUSTED_PROXY_COUNT).toBe(0);
    const fifteenMinutes = 15 * 60_000;
    const defaults = { accountMaxFailures: 5, addressMaxFailures: 100, windowMs: fifteenMinutes };
    expect(env.signInLimits.maxLockMs).toBe(fifteenMinutes);
    expect(env.signInLimits).toMatchObject(defaults);
    const overrides = { TRUSTED_PROXY_COUNT: "2", SIGNIN_ACCOUNT_MAX_FAILURES: "3", SIGNIN_WINDOW_MINUTES: "60" };
    const custom = parseEnv({ ...local, ...overrides });
    expect(custom.TRUSTED_PROXY_COUNT).toBe(2);
    expect(custom.signInLimits).toMatchObject({ accountMaxFailures: 3, windowMs: 60 * 60_000 });
  });

  it("rejects throttle settings out of bounds or not whole numbers, naming each", () => {
    const bad = {
      TRUSTED_PROXY_COUNT: "-1",
      SIGNIN_ACCOUNT_MAX_FAILURES: "0",
      SIGNIN_ADDRESS_MAX_FAILURES: "lots",
      SIGNIN_WINDOW_MINUTES: "1.5",
      SIGNIN_MAX_LOCK_MINUTES: "100000",
    };
    const message = problemsOf({ ...local, ...bad });
    for (const name of Object.keys(bad)) expect(message).toContain(name);
  });

  it("defaults sessions to 8 hours idle and 7 days absolute, and Bearer tokens to no Cognito check", () => {
    const env = parseEnv(local);
    expect(env.sessionTimeouts).toEqual({ idleMs: 8 * 3_600_000, absoluteMs: 7 * 24 * 3_600_000 });
    expect(env.bearerCognitoCheck).toEqual({ enabled: false, ttlMs: 60_000 });
    const custom = parseEnv({ ...local, SESSION_IDLE_TIMEOUT_MINUTES: "15", SESSION_ABSOLUTE_TIMEOUT_HOURS: "12" });
    expect(custom.sessionTimeouts).toEqual({ idleMs: 15 * 60_000, absoluteMs: 12 * 3_600_000 });
    const checked = parseEnv({ ...local, BEARER_VERIFY_WITH_COGNITO: "true", BEARER_COGNITO_CHECK_TTL_SECONDS: "0" });
    expect(checked.bearerCognitoCheck).toEqual({ enabled: true, ttlMs: 0 });
  });

  it("refuses session timeouts out of bounds or an idle timeout longer than the absolute one", () => {
    for (const value of ["0", "-5", "1.5", "43201", "soon"]) {
      expect(problemsOf({ ...local, SESSION_IDLE_TIMEOUT_MINUTES: value })).toContain("SESSION_IDLE_TIMEOUT_MINUTES");
    }
    for (const value of ["0", "2161", "x"]) {
      expect(problemsOf({ ...local, SESSION_ABSOLUTE_TIMEOUT_HOURS: value })).toContain(
        "SESSION_ABSOLUTE_TIMEOUT_HOURS",
      );
    }
    const inverted = problemsOf({ ...local, SESSION_IDLE_TIMEOUT_MINUTES: "600", SESSION_ABSOLUTE_TIMEOUT_HOURS: "2" });
    expect(inverted).toContain("must not be longer than SESSION_ABSOLUTE_TIMEOUT_HOURS");
  });

  it("refuses a Bearer check setting that is not a clear yes or no, or a cache time out of bounds", () => {
    expect(problemsOf({ ...local, BEARER_VERIFY_WITH_COGNITO: "yes" })).toContain("BEARER_VERIFY_WITH_COGNITO");
    expect(problemsOf({ ...local, BEARER_COGNITO_CHECK_TTL_SECONDS: "901" })).toContain(
      "BEARER_COGNITO_CHECK_TTL_SECONDS",
    );
    expect(problemsOf({ ...local, BEARER_COGNITO_CHECK_TTL_SECONDS: "-1" })).toContain(
      "BEARER_COGNITO_CHECK_TTL_SECONDS",
    );
  });
});
