/**
 * Which database this process uses, decided from two variables: DATABASE_URL selects PostgreSQL over the network;
 * without it the app runs on embedded PGlite, persisted in PGLITE_DATA_DIR. Pure, so lib/env.ts can call it.
 */

export type DatabaseSettings =
  | { driver: "pg"; url: string }
  /** `dataDir` is as given (relative to the working directory) or `memory://` for a throwaway in-memory database. */
  | { driver: "pglite"; dataDir: string };

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
    throw new DatabaseSettingsError(`DATABASE_URL: must start with postgres:// or postgresql:// (got ${url.protocol}//)`);
  }
  if (!url.hostname && !url.searchParams.has("host")) {
    throw new DatabaseSettingsError("DATABASE_URL: must name a host");
  }
  return value;
}

export function databaseSettingsFromEnv(
  // eslint-disable-next-line no-restricted-properties -- the only read of these two variables; the lead moves this into lib/env.ts
  env: Record<string, string | undefined> = process.env,
): DatabaseSettings {
  const url = env.DATABASE_URL?.trim();
  if (url) return { driver: "pg", url: parseDatabaseUrl(url) };
  const dataDir = env.PGLITE_DATA_DIR?.trim();
  return { driver: "pglite", dataDir: dataDir || DEFAULT_PGLITE_DATA_DIR };
}

/** For logs: where the data lives, without the password. */
export function describeDatabaseSettings(settings: DatabaseSettings): string {
  if (settings.driver === "pglite") return `PGlite in ${settings.dataDir}`;
  const url = new URL(settings.url);
  return `PostgreSQL at ${url.hostname || url.searchParams.get("host")}${url.port ? `:${url.port}` : ""}${url.pathname}`;
}
