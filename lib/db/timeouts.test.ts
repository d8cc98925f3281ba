import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { startSilentServer } from "@/lib/testing/fake-servers";
import { startTcpProxy } from "@/lib/testing/tcp-proxy";
import { closeDatabase, createDatabase, type Database } from "@/lib/db/client";
import { DatabaseUnavailableError } from "@/lib/db/unavailable";

/** How long `run` took to reject, and with what. */
async function timeRejection(run: () => Promise<unknown>): Promise<{ ms: number; error: unknown }> {
  const started = performance.now();
  try {
    await run();
  } catch (error) {
    return { ms: performance.now() - started, error };
  }
  throw new Error("expected a rejection");
}

const opened: Database[] = [];
afterAll(() => Promise.all(opened.map((db) => closeDatabase(db))));

function open(url: string, statementTimeoutMs: number, connectTimeoutMs: number): Database {
  const db = createDatabase({ driver: "pg", url, statementTimeoutMs, connectTimeoutMs });
  opened.push(db);
  return db;
}

describe("a PostgreSQL that accepts connections and never answers", () => {
  it("fails the query with DatabaseUnavailableError after the connect timeout", async () => {
    const silent = await startSilentServer();
    try {
      const db = open(`postgresql://app:secret@127.0.0.1:${new URL(silent.url).port}/contacts`, 5_000, 300);
      const { ms, error } = await timeRejection(() => db.execute(sql`select 1`));
      expect(error).toBeInstanceOf(DatabaseUnavailableError);
      expect(ms).toBeLessThan(2_000);
    } finally {
      await silent.close();
    }
  });
});

const testDatabaseUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!testDatabaseUrl)("a PostgreSQL that stalls (TEST_DATABASE_URL)", () => {
  const url = testDatabaseUrl ?? "";

  it("cancels a statement that runs past statement_timeout, and the next query works", async () => {
    const db = open(url, 300, 5_000);
    await db.execute(sql`select 1`);
    const { ms, error } = await timeRejection(() => db.execute(sql`select pg_sleep(10)`));
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    // Drizzle's DrizzleQueryError wraps pg's error, which carries the SQLSTATE.
    expect((error as Error).cause).toMatchObject({ cause: { code: "57014" } });
    expect(ms).toBeLessThan(2_000);
    await expect(db.execute(sql`select 1 as one`)).resolves.toMatchObject({ rows: [{ one: 1 }] });
  });

  it("gives up on a server that stopped answering mid-connection, and recovers when it answers again", async () => {
    const target = new URL(url);
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    try {
      const proxied = new URL(url);
      proxied.host = `127.0.0.1:${proxy.port}`;
      const db = open(proxied.toString(), 300, 300);
      await db.execute(sql`select 1`);
      proxy.setMode({ kind: "black-hole" });
      const { ms, error } = await timeRejection(() => db.execute(sql`select 1`));
      expect(error).toBeInstanceOf(DatabaseUnavailableError);
      expect(ms).toBeLessThan(2_000);
      proxy.setMode({ kind: "pass" });
      await expect(db.execute(sql`select 1 as one`)).resolves.toMatchObject({ rows: [{ one: 1 }] });
    } finally {
      await proxy.close();
    }
  });
});
