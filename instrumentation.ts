/**
 * Runs once when the server starts: a bad environment stops start-up with a message naming the variable,
 * instead of failing on the first request.
 */
export async function register() {
  // Not configuration but a build-time constant: Next replaces process.env.NEXT_RUNTIME in each bundle, so the Edge
  // bundle of this file drops the branch and never pulls the database and Node.js APIs in. Only the literal works
  // (through a function in lib/env.ts, or with `typeof EdgeRuntime`, Turbopack kept the import and warned).
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { prepareServer } = await import("@/lib/env-startup");
    await prepareServer();
  }
}
