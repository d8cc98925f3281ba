/**
 * Benchmark: how long one contacts page takes (plan → SQL → page query → batched check) for each persona over a
 * large table, against the real PDP and PGlite. Prints figures; asserts nothing.
 *   npm run bench -- [--count 20000] [--runs 40]
 * Starts a PDP, then measures in a child process whose environment it gives explicitly (its own stays as it was).
 */
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import { startPdp } from "@/lib/testing/pdp-process";

const { values } = parseArgs({
  options: { count: { type: "string", default: "20000" }, runs: { type: "string", default: "40" } },
});

function benchEnv(cerbosUrl: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    NODE_ENV: "development",
    COGNITO_MODE: "local",
    COGNITO_LOCAL_URL: "http://127.0.0.1:9",
    COGNITO_USER_POOL_ID: "local_bench",
    COGNITO_CLIENT_ID: "bench",
    COGNITO_CLIENT_SECRET: "bench",
    NEXTAUTH_URL: "http://localhost:3999",
    NEXTAUTH_SECRET: "n".repeat(32),
    SESSION_PASSWORD: "p".repeat(32),
    CERBOS_URL: cerbosUrl,
    PGLITE_DATA_DIR: "memory://",
  };
}

function measure(env: NodeJS.ProcessEnv): Promise<number | null> {
  const args = ["--count", values.count, "--runs", values.runs];
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "scripts/bench-list-run.ts", ...args],
    { env, stdio: "inherit" },
  );
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

async function main() {
  const pdp = await startPdp(3890, 3891);
  try {
    process.exitCode = (await measure(benchEnv(pdp.url))) ?? 1;
  } finally {
    await pdp.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
