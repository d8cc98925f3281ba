import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { local, problemsOf } from "@/lib/testing/env-fixtures";

describe("parseEnv: the database, sign-in throttle, session and Bearer limits", () => {
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
