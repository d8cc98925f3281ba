import { existsSync } from "node:fs";
import { cp, rm } from "node:fs/promises";
import { sql } from "drizzle-orm";
import { createSession } from "@/lib/auth/session/registry";
import { passwordSessionCookie, type PasswordSession } from "@/lib/auth/session/password-cookies";
import { sealForCookie } from "@/lib/auth/session/sealed-cookie";
import { closeDatabase, createDatabase, type Database } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { contacts } from "@/lib/db/schema";
import { seedContacts } from "@/lib/db/seed-contacts";
import type { DatabaseSettings } from "@/lib/db/settings";
import { recordUsers } from "@/lib/db/user-directory";
import type { BenchUser } from "@/scripts/bench/users";

/** The app's defaults (SESSION_IDLE_TIMEOUT_MINUTES, SESSION_ABSOLUTE_TIMEOUT_HOURS), which the servers keep. */
const SESSION_TIMEOUTS = { idleMs: 480 * 60_000, absoluteMs: 168 * 3_600_000 };
const COOKIE_TTL_SECONDS = 24 * 60 * 60;

/** Cookie header per persona email, as the app's own password sign-in would have set it. */
export type SessionCookies = Map<string, string>;

/**
 * A session the way savePasswordSession makes one: a row in the registry, and the sealed `contacts_session` cookie
 * carrying the access token and the row's id, sealed with the servers' SESSION_PASSWORD.
 */
async function createSessionCookie(db: Database, user: BenchUser, sessionPassword: string): Promise<string> {
  const input = { sub: user.sub, method: "password" as const, userAgent: "bench", originJti: undefined };
  const row = await createSession(db, input, SESSION_TIMEOUTS);
  const session: PasswordSession = {
    accessToken: user.accessToken,
    expiresAt: user.expiresAt,
    email: user.email,
    username: user.username,
    sessionId: row.id,
  };
  const name = passwordSessionCookie.name;
  return `${name}=${await sealForCookie(name, session, COOKIE_TTL_SECONDS, sessionPassword)}`;
}

/** Deterministic contacts (the generator's fixed seed) owned by the personas, their directory rows, their sessions. */
async function seed(db: Database, size: number, personas: readonly BenchUser[], sessionPassword: string) {
  await migrateDatabase(db);
  await db.delete(contacts);
  await seedContacts(db, { owners: personas.map(({ email, sub }) => ({ email, sub })), count: size, force: true });
  // Fresh statistics, so the planner sees the new table as every later request will.
  await db.execute(sql`analyze contacts`);
  await recordUsers(db, personas);
  const cookies: SessionCookies = new Map();
  for (const persona of personas) cookies.set(persona.email, await createSessionCookie(db, persona, sessionPassword));
  return cookies;
}

async function withDatabase<T>(settings: DatabaseSettings, task: (db: Database) => Promise<T>): Promise<T> {
  const db = createDatabase(settings);
  try {
    return await task(db);
  } finally {
    await closeDatabase(db);
  }
}

/** PostgreSQL: both servers share the database, seeded once per size. */
export function seedPostgres(url: string, size: number, personas: readonly BenchUser[], sessionPassword: string) {
  return withDatabase({ driver: "pg", url }, (db) => seed(db, size, personas, sessionPassword));
}

/**
 * PGlite is embedded (one process per folder): one folder is seeded, closed, then copied for each server, so both
 * start from the same bytes.
 */
export async function seedPglite(
  dirs: { empty: string; template: string; copies: readonly string[] },
  size: number,
  personas: readonly BenchUser[],
  sessionPassword: string,
): Promise<SessionCookies> {
  for (const dir of [dirs.template, ...dirs.copies]) await rm(dir, { recursive: true, force: true });
  // A new PGlite folder costs an initdb (seconds): one migrated empty folder is made once and copied per size.
  if (!existsSync(dirs.empty)) await withDatabase({ driver: "pglite", dataDir: dirs.empty }, migrateDatabase);
  await cp(dirs.empty, dirs.template, { recursive: true });
  const cookies = await withDatabase({ driver: "pglite", dataDir: dirs.template }, (db) =>
    seed(db, size, personas, sessionPassword),
  );
  for (const copy of dirs.copies) await cp(dirs.template, copy, { recursive: true });
  return cookies;
}
