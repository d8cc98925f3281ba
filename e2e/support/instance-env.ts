/**
 * What every extra app instance of the end-to-end run shares (the disruptive specs' second instance, the scale-out
 * specs' two): the e2e build's standalone server in production mode, signed in against the e2e stack's stand-in,
 * and a throwaway PostgreSQL server of its own instead of the stack's PGlite.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { readEnvFile, requireKeys } from "@/e2e/support/env-file";
import { STAND_IN_URL } from "@/e2e/support/stand-in";
import { E2E_BUILD } from "@/e2e/support/standalone-server";

/** The e2e stack's PDP (scripts/stack/profiles.ts). */
export const E2E_CERBOS_PORT = Number(process.env.CERBOS_HTTP_PORT || 3692);
const LOCAL_ENV = path.resolve(".cognito/e2e/local.env");
const run = promisify(execFile);

/** scripts/start-test-postgres.sh for one server: no arguments start it (and print its URL), --stop, --halt. */
export function throwawayPostgres(port: number, dir: string): (...args: string[]) => Promise<string> {
  return async (...args) => {
    const { stdout } = await run("bash", ["scripts/start-test-postgres.sh", ...args], {
      env: { ...process.env, TEST_POSTGRES_PORT: String(port), TEST_POSTGRES_DIR: dir },
    });
    return stdout.trim();
  };
}

/** The common environment of an extra instance, with `settings` (URLs, secrets, deadlines) on top. */
export function standaloneAppEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const standIn = requireKeys(
    readEnvFile(LOCAL_ENV),
    ["COGNITO_USER_POOL_ID", "COGNITO_CLIENT_ID", "COGNITO_CLIENT_SECRET"],
    LOCAL_ENV,
  );
  return {
    ...process.env,
    ...standIn,
    NODE_ENV: "production",
    NEXT_DIST_DIR: E2E_BUILD,
    NEXT_TELEMETRY_DISABLED: "1",
    COGNITO_MODE: "local",
    COGNITO_REGION: "local",
    COGNITO_LOCAL_URL: STAND_IN_URL,
    PGLITE_DATA_DIR: "",
    ...settings,
  };
}

/**
 * Starts pieces in order with `start(push => ...)`, each registering how to stop it; if a later one fails, the
 * earlier ones are stopped before the error is thrown. The returned `stop` stops them all, last started first,
 * every step even if one fails; safe to call twice.
 */
export async function startInOrder<T>(
  start: (onStop: (stop: () => Promise<unknown>) => void) => Promise<T>,
): Promise<{ value: T; stop: () => Promise<void> }> {
  const cleanups: (() => Promise<unknown>)[] = [];
  const stop = async () => {
    for (const cleanup of cleanups.splice(0).reverse())
      await cleanup().catch((error: Error) => console.error(error.message));
  };
  try {
    return { value: await start((cleanup) => cleanups.push(cleanup)), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
