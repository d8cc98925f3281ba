import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { Pool } from "pg";
import { closeDatabase, createDatabase, type Database } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";

/**
 * Migrated throwaway databases for integration suites: PGlite always, and PostgreSQL when TEST_DATABASE_URL is set
 * (a fresh schema per run, found through search_path, so parallel runs never meet).
 */
export type TestDatabase = { db: Database; dispose(): Promise<void> };
export type TestBackend = { name: string; open(): Promise<TestDatabase> };

const pglite: TestBackend = {
  name: "PGlite",
  async open() {
    const dir = await mkdtemp(path.join(os.tmpdir(), "contacts-pglite-"));
    const db = createDatabase({ driver: "pglite", dataDir: dir });
    await migrateDatabase(db);
    return { db, dispose: async () => (await closeDatabase(db), await rm(dir, { recursive: true, force: true })) };
  },
};

function postgres(url: string): TestBackend {
  return {
    name: "PostgreSQL",
    async open() {
      const schema = `test_${randomBytes(6).toString("hex")}`;
      const admin = new Pool({ connectionString: url, max: 1 });
      await admin.query(`create schema ${schema}`);
      const scoped = new URL(url);
      scoped.searchParams.set("options", `-c search_path=${schema}`);
      const db = createDatabase({ driver: "pg", url: scoped.toString() });
      await migrateDatabase(db, { migrationsSchema: schema });
      await db.execute(sql`select 1`);
      const dispose = async () => {
        await closeDatabase(db);
        await admin.query(`drop schema ${schema} cascade`);
        await admin.end();
      };
      return { db, dispose };
    },
  };
}

// eslint-disable-next-line no-restricted-properties -- test support, not app code: which databases to test on
const testDatabaseUrl = process.env.TEST_DATABASE_URL;

export const testBackends: TestBackend[] = testDatabaseUrl ? [pglite, postgres(testDatabaseUrl)] : [pglite];
