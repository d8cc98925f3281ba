/**
 * A second app instance for the disruptive specs: the standalone server of the e2e build (.next-e2e) on its own port,
 * with the e2e stack's stand-in and PDP behind togglable TCP proxies and its own throwaway PostgreSQL, so a spec
 * can stop the database or black-hole a dependency without touching the stack every other spec uses.
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
import { startTcpProxy, type TcpProxy } from "@/lib/testing/tcp-proxy";
import { readEnvFile, requireKeys } from "@/e2e/support/env-file";
import { E2E_BUILD, startStandaloneServer } from "@/e2e/support/standalone-server";
import { STAND_IN_URL } from "@/e2e/support/stand-in";

export const SECOND_APP_URL = "http://localhost:3101";

/** Short deadlines, so every outage is answered in seconds. */
export const DEADLINES = { cerbosMs: 1_500, cognitoMs: 2_000, databaseMs: 1_500 } as const;
/** Reads may be answered from the decision caches this long after the PDP fails (writes never are). */
export const CACHE_TTL_MS = 1_000;

const POSTGRES_ENV = { TEST_POSTGRES_PORT: "55439", TEST_POSTGRES_DIR: "/tmp/contacts-disruptive-postgres" };
const CERBOS_PORT = Number(process.env.CERBOS_HTTP_PORT || 3692);
const LOCAL_ENV = path.resolve(".cognito/e2e/local.env");
const run = promisify(execFile);

export type SecondInstance = {
  /** In front of the e2e stack's PDP. */
  readonly cerbos: TcpProxy;
  /** In front of the stand-in's user-pool API (not its JWKS: tokens are still checked). */
  readonly cognito: TcpProxy;
  stopDatabase(): Promise<void>;
  startDatabase(): Promise<string>;
  /** Stops the app, the proxies and the database (and deletes its files). Safe to call twice. */
  stop(): Promise<void>;
};

async function postgres(...args: string[]): Promise<string> {
  const { stdout } = await run("bash", ["scripts/start-test-postgres.sh", ...args], {
    env: { ...process.env, ...POSTGRES_ENV },
  });
  return stdout.trim();
}

function appEnv(databaseUrl: string, cerbos: TcpProxy, cognito: TcpProxy): NodeJS.ProcessEnv {
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
    COGNITO_API_ENDPOINT: cognito.url,
    COGNITO_TIMEOUT_MS: String(DEADLINES.cognitoMs),
    NEXTAUTH_URL: SECOND_APP_URL,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
    SESSION_PASSWORD: randomBytes(32).toString("base64"),
    CERBOS_URL: cerbos.url,
    CERBOS_TIMEOUT_MS: String(DEADLINES.cerbosMs),
    CERBOS_CACHE_TTL_MS: String(CACHE_TTL_MS),
    DATABASE_URL: databaseUrl,
    PGLITE_DATA_DIR: "",
    DATABASE_STATEMENT_TIMEOUT_MS: String(DEADLINES.databaseMs),
    DATABASE_CONNECT_TIMEOUT_MS: String(DEADLINES.databaseMs),
  };
}

export async function startSecondInstance(): Promise<SecondInstance> {
  const cleanups: (() => Promise<unknown>)[] = [];
  const stop = async () => {
    // Last started, first stopped; every step runs even if one fails.
    for (const cleanup of cleanups.splice(0).reverse())
      await cleanup().catch((error: Error) => console.error(error.message));
  };
  try {
    cleanups.push(() => postgres("--stop"));
    const databaseUrl = await postgres();
    const cerbos = await startTcpProxy({ host: "127.0.0.1", port: CERBOS_PORT });
    cleanups.push(() => cerbos.close());
    const cognito = await startTcpProxy({ host: "127.0.0.1", port: Number(new URL(STAND_IN_URL).port) });
    cleanups.push(() => cognito.close());
    const app = await startStandaloneServer(Number(new URL(SECOND_APP_URL).port), appEnv(databaseUrl, cerbos, cognito));
    cleanups.push(() => app.stop());
    return {
      cerbos,
      cognito,
      stopDatabase: () => postgres("--halt").then(() => undefined),
      startDatabase: () => postgres(),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
