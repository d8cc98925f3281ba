import "server-only";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { is } from "drizzle-orm";
import type { MigrationConfig } from "drizzle-orm/migrator";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { Pool } from "pg";
import { runCli } from "@/lib/db/cli";
import { closeDatabase, createDatabase, type Database, getDatabaseConnection, getDb } from "@/lib/db/client";
import { processSingleton } from "@/lib/db/process-state";
import { describeDatabaseSettings } from "@/lib/db/settings";
import { toDatabaseError } from "@/lib/db/unavailable";
import { getDatabaseSettings } from "@/lib/env";

export type MigrateOptions = {
  /** Where drizzle records applied migrations; tests give each run its own. */
  migrationsSchema?: string;
};

const MIGRATIONS_FROM_ROOT = "lib/db/migrations";
// Any constant will do, as long as every instance of the app uses the same one.
const MIGRATION_LOCK_ID = 5_318_008_001;

function folderNextToThisFile(): string | undefined {
  try {
    return path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");
  } catch {
    return undefined;
  }
}

/**
 * The SQL files ship as files, not code, and Next bundles this module. What `import.meta.url` means in a bundle is
 * the bundler's choice (Next 16's Turbopack maps it back to the source file; webpack builds and relocated builds
 * may not), so a server started from the repository root (`next start` always is) also looks through the working
 * directory. tsx, vitest and drizzle-kit find the folder next to this file.
 */
export function findMigrationsFolder(): string {
  const candidates = [folderNextToThisFile(), path.resolve(process.cwd(), MIGRATIONS_FROM_ROOT)].filter(
    (dir) => dir !== undefined,
  );
  const found = candidates.find((dir) => existsSync(path.join(dir, "meta", "_journal.json")));
  if (!found) throw new Error(`Database migrations not found (looked in ${candidates.join(", ")})`);
  return found;
}

/** Several app instances may start together: a session-level advisory lock lets one migrate while the rest wait. */
async function migratePgWithLock(pool: Pool, config: MigrationConfig): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
    try {
      await migrateNodePg(drizzleNodePg({ client }), config);
    } finally {
      await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_ID]);
    }
  } finally {
    client.release();
  }
}

async function applyMigrations(db: Database, options: MigrateOptions): Promise<void> {
  const config: MigrationConfig = {
    migrationsFolder: findMigrationsFolder(),
    migrationsSchema: options.migrationsSchema,
  };
  const connection = getDatabaseConnection(db);
  if (connection.driver === "pg") return migratePgWithLock(connection.pool, config);
  // PGlite is one connection inside this process: the in-process memo below is all the locking it needs.
  if (!is(db, PgliteDatabase)) throw new Error("A PGlite connection without a PGlite database");
  return migratePglite(db, config);
}

const running = processSingleton("db.migrations", () => new WeakMap<Database, Promise<void>>());

/**
 * Brings the schema up to date; a no-op when it already is. Calls for the same handle share one run, so
 * start-up code and a first request can both await it. Throws DatabaseUnavailableError when the server is down.
 */
export function migrateDatabase(db: Database, options: MigrateOptions = {}): Promise<void> {
  let run = running.get(db);
  if (!run) {
    run = applyMigrations(db, options).catch((error: unknown) => {
      running.delete(db); // let a later call retry once the database is back
      throw toDatabaseError(error);
    });
    running.set(db, run);
  }
  return run;
}

/**
 * The process database with its schema current. Queries start here rather than at getDb(), so that a database
 * that was down when the server started is migrated as soon as it is back (the first successful run is reused).
 */
export async function getReadyDb(): Promise<Database> {
  const db = getDb();
  await migrateDatabase(db);
  return db;
}

async function main(): Promise<void> {
  const settings = getDatabaseSettings();
  const db = createDatabase(settings);
  try {
    await migrateDatabase(db);
    console.log(`[db:migrate] migrations applied to ${describeDatabaseSettings(settings)}`);
  } finally {
    await closeDatabase(db);
  }
}

const invokedPath = process.argv[1];
if (invokedPath && import.meta.url === pathToFileURL(path.resolve(invokedPath)).href) {
  runCli("db:migrate", main);
}
