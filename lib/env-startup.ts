import "server-only";
import { EnvError, getEnv } from "@/lib/env";

/** Called by instrumentation.ts in the Node.js runtime: validate once, or refuse to start. */
export function checkEnvAtStartup(): void {
  try {
    const env = getEnv();
    console.log(`[env] Cognito ${env.cognito.mode} mode (issuer ${env.cognito.issuer}); Cerbos at ${env.CERBOS_URL}`);
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(`[env] ${error.message}`);
    process.exit(1);
  }
}
