/**
 * Which database this process uses, decided from two variables: DATABASE_URL selects PostgreSQL over the network;
 * without it the app runs on embedded PGlite, persisted in PGLITE_DATA_DIR. Pure: lib/env.ts reads the environment
 * and calls it (getDatabaseSettings() for the process database and the database CLIs, getEnv() at start-up).
 */

export type DatabaseSettings =
  | ({ driver: "pg"; url: string } & Partial<PgTimeouts>)
  /** `dataDir` is as given (relative to the working directory) or `memory://` for a throwaway in-memory database. */
  | { driver: "pglite"; dataDir: string };

/**
 * Deadlines on PostgreSQL, so a stalled or unreachable server is a quick 503 instead of a request held for as long as
 * it stalls. `statementTimeoutMs` is sent as `statement_timeout` (the server cancels: SQLSTATE 57014) and also set
 * as the client's own read timeout (for a server that stopped answering altogether); `connectTimeoutMs` bounds
 * opening a connection and waiting for one from the pool.
 */
export type PgTimeouts = { statementTimeoutMs: number; connectTimeoutMs: number };

export const DEFAULT_PG_TIMEOUTS: PgTimeouts = { statementTimeoutMs: 5_000, connectTimeoutMs: 5_000 };

// Below 100 ms an ordinary query on a busy machine fails; above 2 minutes a visitor has long given up.
const TIMEOUT_BOUNDS = { min: 100, max: 120_000 };

export const DEFAULT_PGLITE_DATA_DIR = ".data/pglite";

const POSTGRES_PROTOCOLS = new Set(["postgres:", "postgresql:"]);

export class DatabaseSettingsError extends Error {
  override name = "DatabaseSettingsError";
}

function parseDatabaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new DatabaseSettingsError("DATABASE_URL: must be a URL like postgresql://user:password@host:5432/database");
  }
  if (!POSTGRES_PROTOCOLS.has(url.protocol)) {
    // Never echo the value: it usually carries a password.
    throw new DatabaseSettingsError(
      `DATABASE_URL: must start with postgres:// or postgresql:// (got ${url.protocol}//)`,
    );
  }
  if (!url.hostname && !url.searchParams.has("host")) {
    throw new DatabaseSettingsError("DATABASE_URL: must name a host");
  }
  return value;
}

function parseTimeout(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const value = env[name]?.trim();
  if (!value) return fallback;
  const ms = Number(value);
  if (!/^\d+$/.test(value) || ms < TIMEOUT_BOUNDS.min || ms > TIMEOUT_BOUNDS.max) {
    throw new DatabaseSettingsError(
      `${name}: must be a whole number of milliseconds from ${TIMEOUT_BOUNDS.min} to ${TIMEOUT_BOUNDS.max}`,
    );
  }
  return ms;
}

function parsePgTimeouts(env: Record<string, string | undefined>): PgTimeouts {
  return {
    statementTimeoutMs: parseTimeout(env, "DATABASE_STATEMENT_TIMEOUT_MS", DEFAULT_PG_TIMEOUTS.statementTimeoutMs),
    connectTimeoutMs: parseTimeout(env, "DATABASE_CONNECT_TIMEOUT_MS", DEFAULT_PG_TIMEOUTS.connectTimeoutMs),
  };
}

export function databaseSettingsFromEnv(env: Record<string, string | undefined>): DatabaseSettings {
  const url = env.DATABASE_URL?.trim();
  if (url) return { driver: "pg", url: parseDatabaseUrl(url), ...parsePgTimeouts(env) };
  const dataDir = env.PGLITE_DATA_DIR?.trim();
  return { driver: "pglite", dataDir: dataDir || DEFAULT_PGLITE_DATA_DIR };
}

/** For logs: where the data lives, without the password. */
export function describeDatabaseSettings(settings: DatabaseSettings): string {
  if (settings.driver === "pglite") return `PGlite in ${settings.dataDir}`;
  const url = new URL(settings.url);
  return `PostgreSQL at ${url.hostname || url.searchParams.get("host")}${url.port ? `:${url.port}` : ""}${url.pathname}`;
}
