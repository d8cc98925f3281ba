import { isNodeServerRuntime } from "@/lib/env";

/**
 * Runs once when the server starts: a bad environment stops start-up with a message naming the variable,
 * instead of failing on the first request.
 */
export async function register() {
  if (isNodeServerRuntime()) {
    const { prepareServer } = await import("@/lib/env-startup");
    await prepareServer();
  }
}
