/**
 * A second app instance for the disruptive specs: the standalone server of the e2e build (.next-e2e) on its own port,
 * with the e2e stack's stand-in and PDP behind togglable TCP proxies and its own throwaway PostgreSQL, so a spec
 * can stop the database or black-hole a dependency without touching the stack every other spec uses.
 */
import { randomBytes } from "node:crypto";
import { startTcpProxy, type TcpProxy } from "@/lib/testing/tcp-proxy";
import { E2E_CERBOS_PORT, standaloneAppEnv, startInOrder, throwawayPostgres } from "@/e2e/support/instance-env";
import { startStandaloneServer } from "@/e2e/support/standalone-server";
import { STAND_IN_URL } from "@/e2e/support/stand-in";

export const SECOND_APP_URL = "http://localhost:3101";

/** Short deadlines, so every outage is answered in seconds. */
export const DEADLINES = { cerbosMs: 1_500, cognitoMs: 2_000, databaseMs: 1_500 } as const;
/** Reads may be answered from the decision caches this long after the PDP fails (writes never are). */
export const CACHE_TTL_MS = 1_000;

const postgres = throwawayPostgres(55439, "/tmp/contacts-disruptive-postgres");

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

function appEnv(databaseUrl: string, cerbos: TcpProxy, cognito: TcpProxy): NodeJS.ProcessEnv {
  return standaloneAppEnv({
    COGNITO_API_ENDPOINT: cognito.url,
    COGNITO_TIMEOUT_MS: String(DEADLINES.cognitoMs),
    NEXTAUTH_URL: SECOND_APP_URL,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
    SESSION_PASSWORD: randomBytes(32).toString("base64"),
    CERBOS_URL: cerbos.url,
    CERBOS_TIMEOUT_MS: String(DEADLINES.cerbosMs),
    CERBOS_CACHE_TTL_MS: String(CACHE_TTL_MS),
    DATABASE_URL: databaseUrl,
    DATABASE_STATEMENT_TIMEOUT_MS: String(DEADLINES.databaseMs),
    DATABASE_CONNECT_TIMEOUT_MS: String(DEADLINES.databaseMs),
  });
}

export async function startSecondInstance(): Promise<SecondInstance> {
  const { value, stop } = await startInOrder(async (onStop) => {
    onStop(() => postgres("--stop"));
    const databaseUrl = await postgres();
    const cerbos = await startTcpProxy({ host: "127.0.0.1", port: E2E_CERBOS_PORT });
    onStop(() => cerbos.close());
    const cognito = await startTcpProxy({ host: "127.0.0.1", port: Number(new URL(STAND_IN_URL).port) });
    onStop(() => cognito.close());
    const app = await startStandaloneServer(Number(new URL(SECOND_APP_URL).port), appEnv(databaseUrl, cerbos, cognito));
    onStop(() => app.stop());
    return { cerbos, cognito };
  });
  return {
    ...value,
    stopDatabase: () => postgres("--halt").then(() => undefined),
    startDatabase: () => postgres(),
    stop,
  };
}
