import "server-only";
import { getDb } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { describeDatabaseSettings } from "@/lib/db/settings";
import { DatabaseUnavailableError } from "@/lib/db/unavailable";
import { EnvError, getEnv } from "@/lib/env";

/**
 * Called by instrumentation.ts in the Node.js runtime: validate the environment once, or refuse to start; then
 * apply migrations. A database that is down does not stop start-up: pages answer 503 until it is back.
 */
export async function prepareServer(): Promise<void> {
  let env;
  try {
    env = getEnv();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(`[env] ${error.message}`);
    process.exit(1);
  }
  console.log(
    `[env] Cognito ${env.cognito.mode} mode (issuer ${env.cognito.issuer}); Cerbos at ${env.CERBOS_URL}; ${describeDatabaseSettings(env.database)}`,
  );
  try {
    await migrateDatabase(getDb());
  } catch (error) {
    if (!(error instanceof DatabaseUnavailableError)) throw error;
    console.error("[db] the database is unavailable; migrations will run when it answers");
  }
}
