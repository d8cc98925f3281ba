import path from "node:path";
import { runToCompletion, startChild, type ManagedChild } from "@/scripts/stack/processes";
import type { StackProfile } from "@/scripts/stack/profiles";

/** Resolved when called: stack.ts moves to the repository root first. */
const nextBin = () => path.resolve("node_modules/.bin/next");

/** Production build into `NEXT_DIST_DIR` (next.config.js reads it), with the same env the server will get. */
export async function buildNext(env: NodeJS.ProcessEnv): Promise<void> {
  console.log(`[stack] building the app into ${env.NEXT_DIST_DIR ?? ".next"} (next build)…`);
  const started = Date.now();
  // Its progress report and route table are 40 lines of noise in every run; a failed build prints them all.
  await runToCompletion("next", nextBin(), ["build"], { ...env, NODE_ENV: "production" }, { onlyOnFailure: true });
  // The same build also serves as a standalone server (e2e/support/app-instance.ts runs it): give it its assets.
  const copyAssets = ["scripts/copy-standalone-assets.mjs", env.NEXT_DIST_DIR ?? ".next"];
  await runToCompletion("standalone", process.execPath, copyAssets, env, { onlyOnFailure: true });
  console.log(`[stack] built in ${Math.round((Date.now() - started) / 1000)} s`);
}

/** Binds 127.0.0.1 explicitly: `next start` listens on every interface otherwise. */
export function startNext(profile: StackProfile, env: NodeJS.ProcessEnv): ManagedChild {
  const command = profile.nextMode === "dev" ? "dev" : "start";
  const nodeEnv = profile.nextMode === "dev" ? "development" : "production";
  return startChild("next", nextBin(), [command, "-H", "127.0.0.1", "-p", String(profile.appPort)], {
    ...env,
    NODE_ENV: nodeEnv,
  });
}
