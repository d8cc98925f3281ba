import path from "node:path";
import { runToCompletion } from "@/scripts/stack/processes";
import type { StackProfile } from "@/scripts/stack/profiles";
import type { StandInEnv } from "@/scripts/stack/seed";

/**
 * Where the app keeps its contacts for this profile: PGlite inside the profile's state dir, next to the users
 * whose ids own the contacts, so `npm run cognito:reset` forgets both together. demo/dev honour an explicit
 * DATABASE_URL or PGLITE_DATA_DIR; e2e never does: a test run must not write into a real database or the demo's.
 */
export function databaseEnv(profile: StackProfile): Record<string, string> {
  const local = { DATABASE_URL: "", PGLITE_DATA_DIR: path.join(profile.stateDir, "pglite") };
  if (profile.name === "e2e") return local;
  return process.env.DATABASE_URL || process.env.PGLITE_DATA_DIR ? {} : local;
}

/**
 * Seeds the sample contacts for the demo users (a no-op when the table already has rows). Runs before Next starts:
 * PGlite is single-process, so the seed must have closed the database before the app opens it.
 */
export async function seedDatabase(profile: StackProfile, standIn: StandInEnv): Promise<void> {
  const env = {
    ...process.env,
    ...databaseEnv(profile),
    // The owners' subs come from the stand-in the users were just created in.
    COGNITO_LOCAL_URL: standIn.COGNITO_LOCAL_URL,
    COGNITO_USER_POOL_ID: standIn.COGNITO_USER_POOL_ID,
  };
  // react-server resolves `server-only` to its empty module, as in the app's own server bundle.
  await runToCompletion(
    "db",
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "lib/db/seed.ts"],
    env,
  );
}
