import { describe, expect, it } from "vitest";
import {
  DatabaseSettingsError,
  DEFAULT_PG_TIMEOUTS,
  DEFAULT_PGLITE_DATA_DIR,
  databaseSettingsFromEnv,
  describeDatabaseSettings,
} from "@/lib/db/settings";

describe("databaseSettingsFromEnv", () => {
  it("uses PGlite in the default folder when nothing is set", () => {
    expect(databaseSettingsFromEnv({})).toEqual({ driver: "pglite", dataDir: DEFAULT_PGLITE_DATA_DIR });
    expect(DEFAULT_PGLITE_DATA_DIR).toBe(".data/pglite");
  });

  it("uses PGLITE_DATA_DIR when given, and ignores a blank one", () => {
    expect(databaseSettingsFromEnv({ PGLITE_DATA_DIR: "/var/lib/contacts" })).toEqual({
      driver: "pglite",
      dataDir: "/var/lib/contacts",
    });
    expect(databaseSettingsFromEnv({ PGLITE_DATA_DIR: "memory://" })).toEqual({
      driver: "pglite",
      dataDir: "memory://",
    });
    expect(databaseSettingsFromEnv({ PGLITE_DATA_DIR: "  " })).toEqual({
      driver: "pglite",
      dataDir: DEFAULT_PGLITE_DATA_DIR,
    });
  });

  it.each([
    "postgres://u:p@db.internal:5432/contacts",
    "postgresql://localhost/contacts?sslmode=require",
    "postgresql:///contacts?host=/tmp",
  ])("uses PostgreSQL for %s", (url) => {
    expect(databaseSettingsFromEnv({ DATABASE_URL: url, PGLITE_DATA_DIR: "ignored" })).toEqual({
      driver: "pg",
      url,
      ...DEFAULT_PG_TIMEOUTS,
    });
  });

  it("treats a blank DATABASE_URL as unset", () => {
    expect(databaseSettingsFromEnv({ DATABASE_URL: "" }).driver).toBe("pglite");
  });

  it.each([
    ["not a url", /must be a URL/],
    ["mysql://u:secret@host/db", /must start with postgres:\/\/ or postgresql:\/\/ \(got mysql:\/\/\)/],
    ["https://example.com/db", /must start with postgres/],
    ["postgresql:///contacts", /must name a host/],
  ])("rejects %s with a message naming DATABASE_URL", (url, message) => {
    expect(() => databaseSettingsFromEnv({ DATABASE_URL: url })).toThrow(DatabaseSettingsError);
    expect(() => databaseSettingsFromEnv({ DATABASE_URL: url })).toThrow(message);
  });

  it("never repeats the password in the error", () => {
    for (const url of ["mysql://u:hunter2@host/db", "hunter2 is not a url"]) {
      const error: unknown = (() => {
        try {
          databaseSettingsFromEnv({ DATABASE_URL: url });
        } catch (caught) {
          return caught;
        }
      })();
      expect(error).toBeInstanceOf(DatabaseSettingsError);
      expect((error as Error).message).not.toContain("hunter2");
    }
  });
});

describe("PostgreSQL timeouts", () => {
  const url = "postgresql://u:p@db:5432/contacts";

  it("default to 5 s for statements and for connecting", () => {
    expect(DEFAULT_PG_TIMEOUTS).toEqual({ statementTimeoutMs: 5_000, connectTimeoutMs: 5_000 });
  });

  it("are read from DATABASE_STATEMENT_TIMEOUT_MS and DATABASE_CONNECT_TIMEOUT_MS", () => {
    const env = { DATABASE_URL: url, DATABASE_STATEMENT_TIMEOUT_MS: "1500", DATABASE_CONNECT_TIMEOUT_MS: " 100 " };
    expect(databaseSettingsFromEnv(env)).toEqual({
      driver: "pg",
      url,
      statementTimeoutMs: 1_500,
      connectTimeoutMs: 100,
    });
  });

  it.each([
    ["DATABASE_STATEMENT_TIMEOUT_MS", "soon"],
    ["DATABASE_STATEMENT_TIMEOUT_MS", "99"],
    ["DATABASE_STATEMENT_TIMEOUT_MS", "120001"],
    ["DATABASE_CONNECT_TIMEOUT_MS", "1.5"],
    ["DATABASE_CONNECT_TIMEOUT_MS", "-1000"],
    ["DATABASE_CONNECT_TIMEOUT_MS", "0"],
  ])("refuse %s=%s, naming the variable and the bounds", (name, value) => {
    expect(() => databaseSettingsFromEnv({ DATABASE_URL: url, [name]: value })).toThrow(
      new DatabaseSettingsError(`${name}: must be a whole number of milliseconds from 100 to 120000`),
    );
  });

  it("are not needed by PGlite", () => {
    expect(databaseSettingsFromEnv({ DATABASE_STATEMENT_TIMEOUT_MS: "soon" })).toEqual({
      driver: "pglite",
      dataDir: DEFAULT_PGLITE_DATA_DIR,
    });
  });
});

describe("describeDatabaseSettings", () => {
  it("names the place without the password", () => {
    expect(describeDatabaseSettings({ driver: "pg", url: "postgresql://app:hunter2@db.internal:5432/contacts" })).toBe(
      "PostgreSQL at db.internal:5432/contacts",
    );
    expect(describeDatabaseSettings({ driver: "pg", url: "postgresql:///contacts?host=/tmp" })).toBe(
      "PostgreSQL at /tmp/contacts",
    );
    expect(describeDatabaseSettings({ driver: "pglite", dataDir: ".data/pglite" })).toBe("PGlite in .data/pglite");
  });
});
