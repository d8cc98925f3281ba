/**
 * `npm run bench`: the authorized build against an allow-all baseline build, side by side on real processes (the
 * PDP, the Cognito stand-in, PostgreSQL and PGlite, `next start`), driven by autocannon. Prints a table and writes
 * scripts/bench/results/latest.json and chart.svg. A benchmark, not a test: it asserts nothing about speed.
 * It refuses to measure when the builds or the servers are not what they claim to be. Usage: see options.ts.
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { quietAwsSdkNotices } from "@/lib/env";
import { startSeeded } from "@/lib/testing/cognito-stand-in";
import { startPdp } from "@/lib/testing/pdp-process";
import { assertBuilds, buildBoth } from "@/scripts/bench/builds";
import { caseSpec, OptionsError, parseBenchOptions, USAGE, type BenchOptions } from "@/scripts/bench/options";
import { formatTable, type CaseResult } from "@/scripts/bench/report";
import { environment, postgresVersion, writeResults } from "@/scripts/bench/results";
import { removePgliteFolders, runPair, type Services } from "@/scripts/bench/pair";
import { prepareUsers } from "@/scripts/bench/users";
import { assertPortFree, runningChildren, stopChild } from "@/scripts/stack/processes";

/** Own ports, never the tests' (3100/3101/9329/3692/55432/55439/3592). */
export const PORTS = { authorized: 3410, baseline: 3411, cognito: 9419, pdpHttp: 3492, pdpGrpc: 3493, postgres: 55491 };
const POSTGRES_DIR = "/tmp/contacts-bench-postgres";

process.chdir(path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../.."));
quietAwsSdkNotices();
const cleanups: (() => Promise<void>)[] = [];

function postgresScript(arg?: string): Promise<string> {
  const env = { ...process.env, TEST_POSTGRES_PORT: String(PORTS.postgres), TEST_POSTGRES_DIR: POSTGRES_DIR };
  const args = ["scripts/start-test-postgres.sh", ...(arg ? [arg] : [])];
  return promisify(execFile)("bash", args, { env }).then(({ stdout }) => stdout.trim());
}

async function startServices(options: BenchOptions): Promise<Services & { postgres?: string }> {
  await removePgliteFolders();
  cleanups.push(removePgliteFolders);
  const postgresUrl = options.dbs.includes("postgres") ? await postgresScript() : undefined;
  if (postgresUrl) cleanups.push(() => postgresScript("--stop").then(() => undefined));
  const pdp = await startPdp(PORTS.pdpHttp, PORTS.pdpGrpc);
  cleanups.push(pdp.stop);
  const standIn = await startSeeded(PORTS.cognito);
  cleanups.push(standIn.stop);
  const started = Date.now();
  const users = await prepareUsers(standIn, options.coldUsers);
  console.log(
    `[bench] ${users.warm.length} personas and ${users.cold.length} cold users signed in (${Date.now() - started} ms)`,
  );
  const sessionPassword = randomBytes(32).toString("base64url");
  const appEnv: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    NEXT_TELEMETRY_DISABLED: "1",
    COGNITO_MODE: "local",
    COGNITO_REGION: "local",
    COGNITO_LOCAL_URL: standIn.url,
    COGNITO_USER_POOL_ID: standIn.userPoolId,
    COGNITO_CLIENT_ID: standIn.clientId,
    COGNITO_CLIENT_SECRET: standIn.clientSecret,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    SESSION_PASSWORD: sessionPassword,
    CERBOS_URL: pdp.url,
  };
  return { appEnv, sessionPassword, pdpUrl: pdp.url, users, postgresUrl, ports: PORTS, postgres: postgresUrl };
}

async function main(options: BenchOptions): Promise<void> {
  const startedAt = new Date();
  await Promise.all(
    Object.entries(PORTS).map(([name, port]) =>
      name === "postgres" ? undefined : assertPortFree(port, `bench ${name}`),
    ),
  );
  if (!options.skipBuild)
    await buildBoth({ PATH: process.env.PATH, HOME: process.env.HOME, NEXT_TELEMETRY_DISABLED: "1" });
  assertBuilds();
  const services = await startServices(options);
  const env = environment(services.postgres ? await postgresVersion(services.postgres) : undefined);
  const results: CaseResult[] = [];
  let written: { json: string; svg: string } | undefined;
  for (const db of options.dbs) {
    const cases = (db === "pglite" ? options.pgliteCases : options.cases).map(caseSpec);
    for (const size of options.sizes) {
      results.push(...(await runPair(services, options, db, size, cases)));
      // After every pair, so a run that stops half-way still leaves what it measured.
      written = await writeResults(options, env, startedAt, results);
    }
  }
  console.log(`\n${formatTable(results)}\n`);
  if (!written) return;
  console.log(
    `[bench] wrote ${written.json} and ${written.svg} in ${Math.round((Date.now() - startedAt.getTime()) / 1000)} s`,
  );
}

async function cleanUp(): Promise<void> {
  for (const child of [...runningChildren].reverse()) await stopChild(child);
  for (const cleanup of cleanups.splice(0).reverse())
    await cleanup().catch((error: Error) => console.error(error.message));
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
}

let options: BenchOptions;
try {
  options = parseBenchOptions(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof OptionsError) && !(error instanceof TypeError)) throw error;
  console.error(`${error.message}\n\n${USAGE}`);
  process.exit(2);
}
main(options)
  .then(cleanUp)
  .catch(async (error: unknown) => {
    console.error(`[bench] failed: ${error instanceof Error ? error.message : String(error)}`);
    await cleanUp();
    process.exit(1);
  });
