import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { Assume } from "drizzle-orm/utils";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { Pool } from "pg";
import { processSingleton } from "@/lib/db/process-state";
import * as schema from "@/lib/db/schema";
import { DEFAULT_PG_TIMEOUTS, type DatabaseSettings, type PgTimeouts } from "@/lib/db/settings";
import { DatabaseUnavailableError, guardDatabase, isConnectionFailure } from "@/lib/db/unavailable";
import { getDatabaseSettings } from "@/lib/env";

type RawResult<Row> = { rows: Row[] };

/** What both drivers' raw results share: `db.execute<Row>(sql)` resolves to `{ rows: Row[] }` on either. */
export interface DatabaseQueryResultHKT extends PgQueryResultHKT {
  type: RawResult<Assume<this["row"], Record<string, unknown>>>;
}

/** What both drivers have in common; code outside lib/db never needs to know which one is running. */
export type Database = PgDatabase<DatabaseQueryResultHKT, typeof schema>;

export type DatabaseConnection = { driver: "pg"; pool: Pool } | { driver: "pglite"; client: PGlite };

// The server's own cancel should win, so the client's timer waits a little longer.
const QUERY_TIMEOUT_MARGIN_MS = 250;

const connections = processSingleton("db.connections", () => new WeakMap<Database, DatabaseConnection>());

function createPgDatabase(url: string, timeouts: PgTimeouts): Database {
  const pool = new Pool({
    connectionString: url,
    connectionTimeoutMillis: timeouts.connectTimeoutMs,
    // The server cancels a slow statement (57014) and its connection stays usable; the client-side read timeout is
    // for a server that no longer answers at all (stopped, partitioned). Both end as DatabaseUnavailableError.
    statement_timeout: timeouts.statementTimeoutMs,
    query_timeout: timeouts.statementTimeoutMs + QUERY_TIMEOUT_MARGIN_MS,
  });
  // Without a listener, an idle connection dropped by the server (restart, failover) would crash the process.
  pool.on("error", (error) => console.error(`[db] idle PostgreSQL connection lost: ${error.message}`));
  const db = guardDatabase(drizzleNodePg({ client: pool, schema }), isConnectionFailure);
  connections.set(db, { driver: "pg", pool });
  return db;
}

function openPglite(dataDir: string): PGlite {
  if (dataDir.startsWith("memory://")) return new PGlite(dataDir);
  const absolute = path.resolve(dataDir);
  try {
    mkdirSync(absolute, { recursive: true });
  } catch (error) {
    throw new DatabaseUnavailableError({ cause: error });
  }
  return new PGlite(absolute);
}

function createPgliteDatabase(dataDir: string): Database {
  const client = openPglite(dataDir);
  // A failed start-up (unreadable or corrupt folder) rejects every query too; this only keeps it from also being
  // reported as an unhandled rejection.
  client.waitReady.catch(() => {});
  // Every failure of an embedded database that never started or was closed is an outage, whatever its message.
  const isUnavailable = (error: unknown) => !client.ready || client.closed || isConnectionFailure(error);
  const db = guardDatabase(drizzlePglite({ client, schema }), isUnavailable);
  connections.set(db, { driver: "pglite", client });
  return db;
}

/** A new database handle (tests and CLIs); the app uses getDb(). Connects lazily, on the first query. */
export function createDatabase(settings: DatabaseSettings): Database {
  if (settings.driver === "pglite") return createPgliteDatabase(settings.dataDir);
  const { statementTimeoutMs, connectTimeoutMs } = { ...DEFAULT_PG_TIMEOUTS, ...settings };
  return createPgDatabase(settings.url, { statementTimeoutMs, connectTimeoutMs });
}

/** The driver underneath a handle made by createDatabase (for migrations and closing). */
export function getDatabaseConnection(db: Database): DatabaseConnection {
  const connection = connections.get(db);
  if (!connection) throw new Error("Not a database created by createDatabase()");
  return connection;
}

// One per process, not per module instance: PGlite takes no lock, and two instances writing one folder corrupt it.
const processDatabase = processSingleton("db.current", (): { current?: Database } => ({}));

/** The one database of this process, created from the environment on first use. */
export function getDb(): Database {
  processDatabase.current ??= createDatabase(getDatabaseSettings());
  return processDatabase.current;
}

/** Closes `db`, or the process database (which getDb() then opens afresh). Closing twice is harmless. */
export async function closeDatabase(db?: Database): Promise<void> {
  const target = db ?? processDatabase.current;
  if (!target) return;
  if (target === processDatabase.current) processDatabase.current = undefined;
  const connection = getDatabaseConnection(target);
  if (connection.driver === "pglite") {
    // A PGlite that never started rejects close() with its start-up error; there is nothing left to release.
    if (!connection.client.closed) await connection.client.close().catch(() => {});
  } else if (!connection.pool.ending && !connection.pool.ended) {
    await connection.pool.end();
  }
}
