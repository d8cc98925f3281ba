/**
 * Runs the whole local stack: Cognito stand-in → seed users → seed contacts → Cerbos PDP → Next.js.
 *   node --conditions=react-server --import tsx scripts/stack/index.ts <demo|dev|e2e>   (npm run demo | dev)
 * Ctrl-C / SIGTERM stops every child. SIGUSR1 stops Cerbos and SIGUSR2 starts it again, so the end-to-end
 * tests can check that the app fails closed while the PDP is away (the pid is in <stateDir>/stack.pid).
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { printBanner } from "@/scripts/stack/banner";
import { CerbosController } from "@/scripts/stack/cerbos";
import { databaseEnv, seedDatabase } from "@/scripts/stack/database";
import { buildNext, startNext } from "@/scripts/stack/next";
import {
  assertPortFree,
  registerSecret,
  runningChildren,
  startChild,
  stopChild,
  waitForHealthy,
  type ManagedChild,
} from "@/scripts/stack/processes";
import { isProfileName, resolveProfile, type StackProfile } from "@/scripts/stack/profiles";
import { demoAccounts, seedStandIn } from "@/scripts/stack/seed";
import { quietAwsSdkNotices } from "@/lib/env";

// Every path below (children, config, state) is relative to the repository root, wherever we were started from.
process.chdir(path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../.."));
// The AWS SDKs (seed, stand-in, app) print support notices in every process unless told not to; children inherit this.
quietAwsSdkNotices();
let shuttingDown = false;
let cerbos: CerbosController | undefined;
let pidFile: string | undefined;

function newSecret(): string {
  const secret = randomBytes(32).toString("base64url");
  registerSecret(secret);
  return secret;
}

async function shutDown(code: number, reason: string): Promise<never> {
  if (!shuttingDown) {
    shuttingDown = true;
    console.log(`\n[stack] ${reason}; stopping…`);
    await cerbos?.stop();
    // Reverse start order: Next first, the stand-in last.
    for (const child of [...runningChildren].reverse()) {
      console.log(`[stack] stopping ${child.name}`);
      await stopChild(child);
    }
    if (pidFile) rmSync(pidFile, { force: true });
    console.log("[stack] stopped");
    process.exit(code);
  }
  return new Promise<never>(() => {});
}

/** A child that must stay up (stand-in, Next) takes the whole stack down with it. */
function exitWith(child: ManagedChild) {
  void child.exited.then((result) => {
    if (!shuttingDown) void shutDown(1, `${child.name} exited unexpectedly (${result})`);
  });
}

async function startStandIn(profile: StackProfile) {
  const env = {
    ...process.env,
    COGNITO_LOCAL_PORT: String(profile.cognitoPort),
    COGNITO_LOCAL_STATE_DIR: profile.stateDir,
  };
  // `node --import tsx` rather than the tsx CLI: one process instead of two, and signals reach it directly.
  // react-server resolves `server-only` to its empty module: the stand-in reads its settings through lib/env.ts.
  const args = ["--conditions=react-server", "--import", "tsx", "cognito/server.ts"];
  const standIn = startChild("cognito", process.execPath, args, env);
  exitWith(standIn);
  await waitForHealthy(`http://127.0.0.1:${profile.cognitoPort}/health`, standIn, 60_000);
  return seedStandIn(profile);
}

async function main(profile: StackProfile) {
  await Promise.all([
    assertPortFree(profile.appPort, "app, APP_PORT"),
    assertPortFree(profile.cognitoPort, "Cognito stand-in, COGNITO_LOCAL_PORT"),
    assertPortFree(profile.cerbosHttpPort, "Cerbos HTTP, CERBOS_HTTP_PORT"),
    assertPortFree(profile.cerbosGrpcPort, "Cerbos gRPC, CERBOS_GRPC_PORT"),
  ]);
  if (profile.wipeState) rmSync(profile.stateDir, { recursive: true, force: true });
  mkdirSync(profile.stateDir, { recursive: true });
  pidFile = path.join(profile.stateDir, "stack.pid");
  writeFileSync(pidFile, `${process.pid}\n`);

  const cognito = await startStandIn(profile);
  registerSecret(cognito.COGNITO_CLIENT_SECRET);
  await seedDatabase(profile, cognito);

  cerbos = new CerbosController(
    profile.cerbosHttpPort,
    profile.cerbosGrpcPort,
    path.join(profile.stateDir, "cerbos-decisions.log"),
  );
  await cerbos.start();

  const appUrl = `http://localhost:${profile.appPort}`;
  const appEnv: NodeJS.ProcessEnv = {
    ...process.env,
    ...cognito,
    ...databaseEnv(profile),
    COGNITO_MODE: "local",
    COGNITO_REGION: "local",
    NEXTAUTH_URL: appUrl,
    NEXTAUTH_SECRET: newSecret(),
    SESSION_PASSWORD: newSecret(),
    CERBOS_URL: cerbos.url,
    CERBOS_AUDIT_LOG_PATH: cerbos.auditLogPath,
    // Short lines in the terminal; the file gets every line as JSON, for tools and the end-to-end tests.
    LOG_FORMAT: process.env.LOG_FORMAT || "pretty",
    APP_LOG_FILE: path.join(profile.stateDir, "app.log"),
    NEXT_DIST_DIR: profile.distDir,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  // The e2e specs that replay a stolen session unseal its cookie for the access token inside, as an attacker who
  // also had the secret could; only the throwaway e2e stack writes its per-run secret down.
  if (profile.name === "e2e") {
    const secrets = `SESSION_PASSWORD=${appEnv.SESSION_PASSWORD}\n`;
    writeFileSync(path.join(profile.stateDir, "app.env"), secrets, { mode: 0o600 });
  }
  if (profile.nextMode === "build") await buildNext(appEnv);
  const next = startNext(profile, appEnv);
  exitWith(next);
  // Ready, not just alive: the PDP, the JWKS and the database all answer the app (see app/api/ready).
  await waitForHealthy(`${appUrl}/api/ready`, next, 180_000);
  printBanner(profile, appUrl, demoAccounts());
}

const profileName = process.argv[2];
if (!isProfileName(profileName)) {
  console.error("usage: npm run demo | npm run dev (scripts/stack/index.ts <demo|dev|e2e>)");
  process.exit(2);
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => void shutDown(0, `received ${signal}`));
}
// Replacing Node's default SIGUSR1 handler (which opens the inspector) is intended: the stack is never debugged that way.
process.on("SIGUSR1", () => void cerbos?.stop().catch((error: Error) => console.error(`[stack] ${error.message}`)));
process.on("SIGUSR2", () => void cerbos?.start().catch((error: Error) => console.error(`[stack] ${error.message}`)));

main(resolveProfile(profileName)).catch((error: Error) => shutDown(1, `start-up failed: ${error.message}`));
