import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { inspect } from "node:util";
import { DrizzleQueryError, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, createDatabase } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { contacts } from "@/lib/db/schema";
import { DatabaseQueryError, DatabaseUnavailableError, isConnectionFailure } from "@/lib/db/unavailable";

function withCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

describe("isConnectionFailure", () => {
  it.each([
    ["a refused connection", withCode("connect ECONNREFUSED 127.0.0.1:1", "ECONNREFUSED")],
    [
      "both loopback addresses refused",
      new AggregateError([withCode("::1", "ECONNREFUSED"), withCode("127.0.0.1", "ECONNREFUSED")]),
    ],
    ["an unknown host", withCode("getaddrinfo ENOTFOUND db", "ENOTFOUND")],
    ["a server shutting down", withCode("terminating connection due to administrator command", "57P01")],
    ["a connection exception", withCode("connection failure", "08006")],
    ["wrong credentials", withCode("password authentication failed", "28P01")],
    ["a pool timeout", new Error("timeout exceeded when trying to connect")],
    ["a dropped connection", new Error("Connection terminated unexpectedly")],
    ["a connection attempt that timed out", new Error("Connection terminated due to connection timeout")],
    ["a statement cancelled by statement_timeout", withCode("canceling statement due to statement timeout", "57014")],
    ["pg's client-side query timeout", new Error("Query read timeout")],
    ["any of these as drizzle's cause", new DrizzleQueryError("select 1", [], withCode("x", "ECONNRESET"))],
  ])("recognises %s", (_, error) => {
    expect(isConnectionFailure(error)).toBe(true);
  });

  it.each([
    ["a unique violation", withCode("duplicate key value", "23505")],
    ["a syntax error", withCode("syntax error", "42601")],
    ["a deadlock", withCode("deadlock detected", "40P01")],
    [
      "outage words in a failed query's parameters",
      new DrizzleQueryError("insert", ["Connection terminated"], withCode("dup", "23505")),
    ],
    ["a non-error", "ECONNREFUSED"],
  ])("does not mistake %s for an outage", (_, error) => {
    expect(isConnectionFailure(error)).toBe(false);
  });
});

describe("an unreachable PostgreSQL", () => {
  // Port 1 is never a PostgreSQL server: the connection is refused at once.
  const db = createDatabase({ driver: "pg", url: "postgresql://app:secret@127.0.0.1:1/contacts" });
  afterAll(() => closeDatabase(db));

  it("fails queries, transactions and migrations with DatabaseUnavailableError", async () => {
    await expect(db.select().from(contacts)).rejects.toBeInstanceOf(DatabaseUnavailableError);
    await expect(db.execute(sql`select 1`)).rejects.toBeInstanceOf(DatabaseUnavailableError);
    await expect(db.$count(contacts)).rejects.toBeInstanceOf(DatabaseUnavailableError);
    await expect(db.query.contacts.findMany()).rejects.toBeInstanceOf(DatabaseUnavailableError);
    await expect(db.transaction(async (tx) => tx.select().from(contacts))).rejects.toBeInstanceOf(
      DatabaseUnavailableError,
    );
    await expect(migrateDatabase(db)).rejects.toBeInstanceOf(DatabaseUnavailableError);
  });

  it("lets a later migration retry instead of remembering the failure", async () => {
    const first = migrateDatabase(db).catch(() => undefined);
    await first;
    expect(migrateDatabase(db)).not.toBe(first);
    await expect(migrateDatabase(db)).rejects.toBeInstanceOf(DatabaseUnavailableError);
  });
});

describe("a PGlite that cannot serve", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "contacts-pglite-broken-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("reports a data folder that cannot be created", async () => {
    const file = path.join(dir, "a-file");
    await writeFile(file, "not a folder");
    expect(() => createDatabase({ driver: "pglite", dataDir: path.join(file, "pglite") })).toThrow(
      DatabaseUnavailableError,
    );
  });

  it("reports a data folder that is not a database", async () => {
    const broken = path.join(dir, "broken");
    await mkdir(broken);
    await writeFile(path.join(broken, "PG_VERSION"), "not a version\n");
    const db = createDatabase({ driver: "pglite", dataDir: broken });
    await expect(db.select().from(contacts)).rejects.toBeInstanceOf(DatabaseUnavailableError);
    await expect(migrateDatabase(db)).rejects.toBeInstanceOf(DatabaseUnavailableError);
    await closeDatabase(db);
  });

  // Starting PGlite takes seconds on a busy machine.
  it("reports queries after close", { timeout: 60_000 }, async () => {
    const db = createDatabase({ driver: "pglite", dataDir: "memory://" });
    await db.execute(sql`select 1`);
    await closeDatabase(db);
    await expect(db.execute(sql`select 1`)).rejects.toBeInstanceOf(DatabaseUnavailableError);
  });
});

describe("a query the database refuses", () => {
  // Starting PGlite takes seconds on a busy machine.
  it("is reported without its parameters or the driver's details", { timeout: 60_000 }, async () => {
    const db = createDatabase({ driver: "pglite", dataDir: "memory://" });
    try {
      const failure = await db.execute(sql`select ${"s3cret-param"}::int`).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(DatabaseQueryError);
      expect((failure as DatabaseQueryError).code).toBe("22P02");
      expect(inspect(failure, { depth: 10 })).not.toContain("s3cret-param");
      expect((failure as Error).message).toContain("select $1::int");
    } finally {
      await closeDatabase(db);
    }
  });
});
