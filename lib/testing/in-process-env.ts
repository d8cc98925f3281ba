/**
 * The environment lib/env.ts needs to run the app's reads and mutations in-process (Vitest), against a real PDP at
 * `cerbosUrl` and an in-memory PGlite; `overrides` adds or replaces settings (a deadline, the caches off).
 * lib/env.ts reads process.env, as in the app, so the suites set it rather than pass settings around.
 */
export function setInProcessAppEnv(cerbosUrl: string, overrides: Record<string, string> = {}): void {
  Object.assign(process.env, {
    COGNITO_MODE: "local",
    COGNITO_LOCAL_URL: "http://127.0.0.1:9",
    COGNITO_USER_POOL_ID: "local_test",
    COGNITO_CLIENT_ID: "test",
    COGNITO_CLIENT_SECRET: "test",
    NEXTAUTH_URL: "http://localhost:3999",
    NEXTAUTH_SECRET: "n".repeat(32),
    SESSION_PASSWORD: "p".repeat(32),
    CERBOS_URL: cerbosUrl,
    PGLITE_DATA_DIR: "memory://",
    DATABASE_URL: "",
    // The request and mutation lines (lib/log/) would fill the test output; a suite that reads them overrides this.
    LOG_LEVEL: "silent",
    ...overrides,
  });
}
