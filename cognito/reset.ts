import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";

/** `npm run cognito:reset`: forgets every stand-in state dir (demo, e2e, ...): pools, users, passwords, local.env. */
async function main(): Promise<void> {
  const dir = path.resolve(".cognito");
  if (!existsSync(dir)) {
    console.log("[cognito:reset] nothing to delete: .cognito does not exist");
    return;
  }
  await rm(dir, { recursive: true, force: true });
  console.log(
    `[cognito:reset] deleted ${dir} (all local Cognito state). A running stand-in keeps its users in memory until restarted.`,
  );
  console.log(
    "[cognito:reset] the next `npm run demo` (or cognito:seed against a fresh stand-in) creates new pool and client ids.",
  );
}

main().catch((error: unknown) => {
  console.error(`[cognito:reset] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
