import path from "node:path";
import { fileURLToPath } from "node:url";
import { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import { quietAwsSdkNotices } from "@/lib/env";
import { applyPlan } from "@/scripts/provision/apply";
import { parseProvisionArgs, type ProvisionOptions, USAGE, UsageError } from "@/scripts/provision/args";
import { readCurrentState } from "@/scripts/provision/cognito-state";
import { DEMO_USERS } from "@/scripts/provision/demo-users";
import { desiredState } from "@/scripts/provision/desired";
import { assertWritable, generateAppSecrets, isLoopback, renderEnv, writeEnvFile } from "@/scripts/provision/env-file";
import { isNoOp, planProvision, renderPlan } from "@/scripts/provision/plan";
import { teardown } from "@/scripts/provision/teardown";

/** `npm run cognito:provision`: see USAGE in args.ts, and the README's "Run it for real". */

export type Io = { out(line: string): void; err(line: string): void };

/** Exit codes: 0 done (or nothing to do), 1 failed or refused, 2 bad usage or a confirmation missing. */
export type ExitCode = 0 | 1 | 2;

/**
 * A deadline on every call: a Cognito endpoint that accepts and never answers ends the run with an error instead of
 * hanging it (throwOnRequestTimeout: without it the SDK only warns). Generous, as control-plane calls can be slow.
 */
const DEADLINES = {
  maxAttempts: 3,
  requestHandler: { connectionTimeout: 5_000, requestTimeout: 30_000, throwOnRequestTimeout: true },
} as const;

function createClient(options: ProvisionOptions): CognitoIdentityProviderClient {
  // The stand-in accepts any credentials: never sign requests to a local endpoint with the account's real ones.
  if (isLoopback(options.endpoint)) {
    return new CognitoIdentityProviderClient({
      ...DEADLINES,
      endpoint: options.endpoint,
      region: options.region ?? "local",
      credentials: { accessKeyId: "local", secretAccessKey: "local" },
    });
  }
  // region and profile undefined: the SDK's own chain (AWS_REGION, AWS_PROFILE, ~/.aws/config, instance roles…).
  return new CognitoIdentityProviderClient({
    ...DEADLINES,
    endpoint: options.endpoint,
    region: options.region,
    profile: options.profile,
  });
}

async function provision(cognito: CognitoIdentityProviderClient, options: ProvisionOptions, io: Io): Promise<ExitCode> {
  const desired = desiredState(options);
  const demoUsers = options.demoUsers ? DEMO_USERS : [];
  const current = await readCurrentState(cognito, { ...options, domainPrefix: desired.domainPrefix }, demoUsers);
  const plan = planProvision(desired, current, demoUsers);
  io.out(options.dryRun ? "Plan (dry run):" : "Plan:");
  for (const line of renderPlan(plan)) io.out(line);
  if (plan.conflicts.length > 0) {
    io.err("Stopped before changing anything: resolve the conflicts above.");
    return 1;
  }
  if (options.dryRun) {
    io.out("Dry run: nothing was changed.");
    return 0;
  }
  const result = await applyPlan(cognito, desired, current, plan);
  const count = (action: string) => plan.entries.filter((e) => e.action === action).length;
  io.out(
    isNoOp(plan)
      ? "Everything is up to date: nothing was changed."
      : `Done: ${count("create")} created, ${count("update")} updated, ${count("unchanged")} unchanged.`,
  );
  const values = {
    ...result,
    region: await cognito.config.region(),
    endpoint: options.endpoint,
    appUrl: options.appUrls[0] ?? "",
  };
  if (options.writeEnv) {
    await writeEnvFile(options.writeEnv, renderEnv(values, generateAppSecrets()), options.force);
    io.out(`Wrote the app's environment to ${options.writeEnv} (with the client secret; owner-only).`);
  } else {
    io.out("");
    io.out("Put these in the app's environment (.env.local, or your host's secrets):");
    for (const line of renderEnv(values).trimEnd().split("\n")) io.out(line);
  }
  if (result.createdUsers.length > 0) {
    io.out("");
    io.out("Demo users (their passwords are shown only now):");
    for (const user of result.createdUsers) io.out(`  ${user.email.padEnd(20)} ${user.password}  ${user.note}`);
  }
  return 0;
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (/region is missing/i.test(error.message)) return "no AWS region: pass --region or set AWS_REGION";
  if (/ECONNREFUSED|ENOTFOUND|fetch failed/.test(`${error.message} ${String(error.cause)}`)) {
    return `cannot reach the Cognito API (${error.message}); is --endpoint right, or the stand-in running?`;
  }
  return `${error.name}: ${error.message}`;
}

export async function runProvision(argv: readonly string[], io: Io): Promise<ExitCode> {
  let options: ProvisionOptions;
  try {
    const parsed = parseProvisionArgs(argv);
    if (parsed.kind === "help") {
      io.out(USAGE);
      return 0;
    }
    options = parsed.options;
    if (options.writeEnv) assertWritable(options.writeEnv, options.force);
  } catch (error) {
    io.err(error instanceof Error ? error.message : String(error));
    if (error instanceof UsageError) io.err("Run with --help for the options.");
    return error instanceof UsageError ? 2 : 1;
  }
  const cognito = createClient(options);
  try {
    if (!options.teardown) return await provision(cognito, options, io);
    const outcome = await teardown(cognito, options, io.out);
    return outcome === "needs-yes" ? 2 : outcome === "protected" ? 1 : 0;
  } catch (error) {
    io.err(`cognito:provision failed: ${describeError(error)}`);
    return 1;
  } finally {
    cognito.destroy();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // The SDK's "future releases need Node 22" notice on every run says nothing about this run.
  quietAwsSdkNotices();
  const io: Io = { out: (line) => console.log(line), err: (line) => console.error(line) };
  runProvision(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
