import { describe, expect, it } from "vitest";
import { DatabaseSettingsError, DEFAULT_PGLITE_DATA_DIR, databaseSettingsFromEnv, describeDatabaseSettings } from "./settings";

describe("databaseSettingsFromEnv", () => {
  it("uses PGlite in the default folder when nothing is set", () => {
    expect(databaseSettingsFromEnv({})).toEqual({ driver: "pglite", dataDir: DEFAULT_PGLITE_DATA_DIR });
    expect(DEFAULT_PGLITE_DATA_DIR).toBe(".data/pglite");
  });

  it("uses PGLITE_DATA_DIR when given, and ignores a blank one", () => {
    expect(databaseSettingsFromEnv({ PGLITE_DATA_DIR: "/var/lib/contacts" })).toEqual({ driver: "pglite", dataDir: "/var/lib/contacts" });
    expect(databaseSettingsFromEnv({ PGLITE_DATA_DIR: "memory://" })).toEqual({ driver: "pglite", dataDir: "memory://" });
    expect(databaseSettingsFromEnv({ PGLITE_DATA_DIR: "  " })).toEqual({ driver: "pglite", dataDir: DEFAULT_PGLITE_DATA_DIR });
  });

  it.each(["postgres://u:p@db.internal:5432/contacts", "postgresql://localhost/contacts?sslmode=require", "postgresql:///contacts?host=/tmp"])(
    "uses PostgreSQL for %s",
    (url) => {
      expect(databaseSettingsFromEnv({ DATABASE_URL: url, PGLITE_DATA_DIR: "ignored" })).toEqual({ driver: "pg", url });
    },
  );

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

describe("describeDatabaseSettings", () => {
  it("names the place without the password", () => {
    expect(describeDatabaseSettings({ driver: "pg", url: "postgresql://app:hunter2@db.internal:5432/contacts" })).toBe("PostgreSQL at db.internal:5432/contacts");
    expect(describeDatabaseSettings({ driver: "pg", url: "postgresql:///contacts?host=/tmp" })).toBe("PostgreSQL at /tmp/contacts");
    expect(describeDatabaseSettings({ driver: "pglite", dataDir: ".data/pglite" })).toBe("PGlite in .data/pglite");
  });
});
