/**
 * CLI: seeds contacts for the demo users (once; --force adds another set) and their emails in the user directory.
 *   tsx --conditions=react-server lib/db/seed.ts [--count N [--seed S]] [--force]
 * Owners come from SEED_OWNERS or the running Cognito stand-in (see seed-owners.ts); the database from
 * DATABASE_URL / PGLITE_DATA_DIR, migrated first.
 */
import "server-only";
import { parseArgs } from "node:util";
import { runCli } from "@/lib/db/cli";
import { closeDatabase, createDatabase } from "@/lib/db/client";
import { createRandom } from "@/lib/db/generate-contacts";
import { migrateDatabase } from "@/lib/db/migrate";
import { seedContacts } from "@/lib/db/seed-contacts";
import { resolveSeedOwners } from "@/lib/db/seed-owners";
import { describeDatabaseSettings } from "@/lib/db/settings";
import { recordUsers } from "@/lib/db/user-directory";
import { getDatabaseSettings, getSeedOwnerSource } from "@/lib/env";

function parseCount(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number < 0) throw new Error(`--${name} must be a whole number, got "${value}"`);
  return number;
}

function parseSeedArgs(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: { count: { type: "string" }, seed: { type: "string" }, force: { type: "boolean", default: false } },
    strict: true,
  });
  const count = parseCount("count", values.count);
  const seed = parseCount("seed", values.seed) ?? 1;
  if (values.seed !== undefined && count === undefined) throw new Error("--seed only applies with --count");
  return { count, random: createRandom(seed), force: values.force };
}

async function main(): Promise<void> {
  const args = parseSeedArgs(process.argv.slice(2));
  const owners = await resolveSeedOwners(getSeedOwnerSource());
  const settings = getDatabaseSettings();
  const db = createDatabase(settings);
  try {
    await migrateDatabase(db);
    // The owners are Cognito's users (the stand-in's list or SEED_OWNERS): the directory learns their emails now.
    await recordUsers(db, owners);
    const result = await seedContacts(db, { owners, ...args });
    const where = describeDatabaseSettings(settings);
    console.log(
      result.skipped
        ? `[db:seed] ${where} already has contacts; nothing added (--force adds anyway)`
        : `[db:seed] added ${result.inserted} contacts for ${owners.length} owner(s) to ${where}`,
    );
  } finally {
    await closeDatabase(db);
  }
}

runCli("db:seed", main);
