import "server-only";

import { sql } from "drizzle-orm";
import { type CerbosClient, getCerbos } from "@/lib/authz/cerbos-client";
import type { Database } from "@/lib/db/client";
import { getReadyDb } from "@/lib/db/migrate";
import { DEFAULT_PG_TIMEOUTS, type DatabaseSettings } from "@/lib/db/settings";
import { getEnv } from "@/lib/env";
import type { DependencyName, TimedProbe } from "@/lib/health/readiness";

/** Embedded PGlite has no network to wait on; opening it and migrating takes a second or two at most. */
const PGLITE_PROBE_TIMEOUT_MS = 5_000;

export type ReadinessDependencies = {
  cerbos: CerbosClient;
  jwksUri: string;
  cognitoTimeoutMs: number;
  /** The database with its schema current (getReadyDb): an instance whose migrations cannot run is not ready. */
  database: () => Promise<Database>;
  databaseTimeoutMs: number;
};

async function pdpServing(cerbos: CerbosClient, signal: AbortSignal): Promise<void> {
  const { status } = await cerbos.http.checkHealth(undefined, { signal });
  // The SDK types this as an enum of strings; "SERVING" is its wire value.
  if (String(status) !== "SERVING") throw new Error(`PDP health: ${status}`);
}

/** The keys the verifier needs for every signed-in request; an answer without keys verifies nothing. */
async function jwksServing(jwksUri: string, signal: AbortSignal): Promise<void> {
  const response = await fetch(jwksUri, { signal, cache: "no-store" });
  if (!response.ok) throw new Error(`JWKS answered ${response.status}`);
  const body = (await response.json()) as { keys?: unknown };
  if (!Array.isArray(body.keys) || body.keys.length === 0) throw new Error("JWKS has no keys");
}

async function databaseServing(database: () => Promise<Database>): Promise<void> {
  const db = await database();
  await db.execute(sql`select 1`);
}

export function readinessProbes(deps: ReadinessDependencies): Record<DependencyName, TimedProbe> {
  return {
    cerbos: { probe: (signal) => pdpServing(deps.cerbos, signal), timeoutMs: deps.cerbos.timeoutMs },
    jwks: { probe: (signal) => jwksServing(deps.jwksUri, signal), timeoutMs: deps.cognitoTimeoutMs },
    // The statement and connect timeouts bound the query itself; the probe's deadline bounds the rest.
    database: { probe: () => databaseServing(deps.database), timeoutMs: deps.databaseTimeoutMs },
  };
}

function databaseProbeTimeoutMs(settings: DatabaseSettings): number {
  if (settings.driver === "pglite") return PGLITE_PROBE_TIMEOUT_MS;
  const { connectTimeoutMs, statementTimeoutMs } = { ...DEFAULT_PG_TIMEOUTS, ...settings };
  return connectTimeoutMs + statementTimeoutMs;
}

/** The dependencies of this process, from the validated environment. */
export function appReadinessDependencies(): ReadinessDependencies {
  const env = getEnv();
  return {
    cerbos: getCerbos(),
    jwksUri: env.cognito.jwksUri,
    cognitoTimeoutMs: env.COGNITO_TIMEOUT_MS,
    database: getReadyDb,
    databaseTimeoutMs: databaseProbeTimeoutMs(env.database),
  };
}
