import { afterEach, describe, expect, it, vi } from "vitest";
import { getDatabaseSettings, getSeedOwnerSource, getStandInSettings, quietAwsSdkNotices } from "@/lib/env";

// The readers are the only code that touches process.env: each must hand it to its parser unchanged.
afterEach(() => vi.unstubAllEnvs());

describe("the environment readers of lib/env.ts", () => {
  it("give the database CLIs and getDb() the database the environment names", () => {
    vi.stubEnv("DATABASE_URL", "");
    vi.stubEnv("PGLITE_DATA_DIR", "/tmp/contacts-pglite");
    expect(getDatabaseSettings()).toEqual({ driver: "pglite", dataDir: "/tmp/contacts-pglite" });
    vi.stubEnv("DATABASE_URL", "postgresql://u:p@db:5432/contacts");
    vi.stubEnv("DATABASE_CONNECT_TIMEOUT_MS", "750");
    expect(getDatabaseSettings()).toMatchObject({ driver: "pg", connectTimeoutMs: 750 });
  });

  it("give the seed its owners from SEED_OWNERS before the stand-in", () => {
    vi.stubEnv("SEED_OWNERS", '[{"email":"a@example.com","sub":"s-1"}]');
    expect(getSeedOwnerSource()).toEqual({ kind: "json", json: '[{"email":"a@example.com","sub":"s-1"}]' });
    vi.stubEnv("SEED_OWNERS", "");
    vi.stubEnv("COGNITO_LOCAL_URL", "http://127.0.0.1:9229");
    vi.stubEnv("COGNITO_USER_POOL_ID", "local_abc");
    expect(getSeedOwnerSource()).toMatchObject({ kind: "stand-in", userPoolId: "local_abc" });
  });

  it("give the stand-in its port, state folder and debug switches", () => {
    vi.stubEnv("COGNITO_LOCAL_PORT", "9431");
    vi.stubEnv("COGNITO_LOCAL_STATE_DIR", ".cognito/test");
    vi.stubEnv("COGNITO_DEBUG", "1");
    expect(getStandInSettings()).toMatchObject({
      port: 9431,
      stateDir: ".cognito/test",
      logRequests: true,
    });
  });

  it("silence the AWS SDKs' support notices without overriding an explicit setting", () => {
    vi.stubEnv("AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE", undefined);
    vi.stubEnv("AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED", "false");
    quietAwsSdkNotices();
    expect(process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE).toBe("1");
    expect(process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED).toBe("false");
  });
});
