/**
 * Databases for integration tests: a fresh PGlite folder, and (with TEST_DATABASE_URL) a fresh schema on PostgreSQL.
 * Test-only. `openPeer` (PostgreSQL only: one PGlite folder must never be opened twice) is a second handle on the
 * same data, as a second app instance would have.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { Pool } from "pg";
import { closeDatabase, createDatabase, type Database } from "@/lib/db/client";
import { type MigrateOptions, migrateDatabase } from "@/lib/db/migrate";

export type TestDatabase = {
  db: Database;
  migrateOptions: MigrateOptions;
  openPeer?: () => Database;
  dispose(): Promise<void>;
};
export type Backend = { name: string; open(): Promise<TestDatabase> };

const pgliteBackend: Backend = {
  name: "PGlite",
  async open() {
    const dir = await mkdtemp(path.join(os.tmpdir(), "contacts-pglite-"));
    const db = createDatabase({ driver: "pglite", dataDir: dir });
    await db.execute(sql`select 1`);
    const dispose = async () => {
      await closeDatabase(db);
      await rm(dir, { recursive: true, force: true });
    };
    return { db, migrateOptions: {}, dispose };
  },
};

function pgBackend(url: string): Backend {
  return {
    name: "PostgreSQL",
    async open() {
      const schema = `test_${randomBytes(6).toString("hex")}`;
      const admin = new Pool({ connectionString: url, max: 1 });
      await admin.query(`create schema ${schema}`);
      const scoped = new URL(url);
      scoped.searchParams.set("options", `-c search_path=${schema}`);
      const db = createDatabase({ driver: "pg", url: scoped.toString() });
      const dispose = async () => {
        await closeDatabase(db);
        await admin.query(`drop schema ${schema} cascade`);
        await admin.end();
      };
      const openPeer = () => createDatabase({ driver: "pg", url: scoped.toString() });
      return { db, migrateOptions: { migrationsSchema: schema }, openPeer, dispose };
    },
  };
}

/** PGlite always; PostgreSQL too when the test passes a URL (its TEST_DATABASE_URL). */
export function testBackends(postgresUrl: string | undefined): Backend[] {
  return postgresUrl ? [pgliteBackend, pgBackend(postgresUrl)] : [pgliteBackend];
}

/** Opens a backend and brings its schema up to date. */
export async function openMigrated(backend: Backend): Promise<TestDatabase> {
  const t = await backend.open();
  await migrateDatabase(t.db, t.migrateOptions);
  return t;
}
