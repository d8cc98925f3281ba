import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import { createCognitoClient } from "@/cognito/seed";
import { startStandIn, type RunningStandIn } from "@/cognito/server";
import { runProvision } from "@/scripts/provision/index";

/** Test support for scripts/provision/*.test.ts: a fresh stand-in, and the CLI run in-process. */

export type FreshStandIn = {
  running: RunningStandIn;
  cognito: CognitoIdentityProviderClient;
  /** Temp folder for the stand-in's state and any env files a test writes. */
  dir: string;
  /** The API targets (`CreateUserPool`, …) the stand-in has answered, in order. */
  calls: string[];
  stop(): Promise<void>;
};

export async function startFreshStandIn(port: number): Promise<FreshStandIn> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "cognito-provision-"));
  const calls: string[] = [];
  const log = (line: string) => {
    const target = /^\[cognito-local\] POST \/ (\w+) /.exec(line)?.[1];
    if (target) calls.push(target);
  };
  const running = await startStandIn({ port, stateDir: path.join(dir, "state"), logRequests: true, log });
  const cognito = createCognitoClient(running.url);
  const stop = async () => {
    cognito.destroy();
    await running.close();
    await rm(dir, { recursive: true, force: true });
  };
  return { running, cognito, dir, calls, stop };
}

export type CliRun = { code: number; out: string[]; err: string[]; text: string };

export async function runCli(argv: readonly string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runProvision(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out, err, text: [...out, ...err].join("\n") };
}

/** `KEY=value` lines of the CLI's output or of an env file. */
export function envValues(lines: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of lines) {
    const match = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    if (match?.[1]) values[match[1]] = match[2] ?? "";
  }
  return values;
}

/** The plan's lines as `action resource name`, e.g. `create group admin`. */
export function planActions(lines: readonly string[]): string[] {
  return lines.flatMap((line) => {
    const match = /^ {2}(create|update|unchanged|conflict) +(user pool|group|app client|domain|user) +(\S+)/.exec(line);
    return match ? [`${match[1]} ${match[2]} ${match[3]}`] : [];
  });
}

/** Targets that change something (everything but the read calls the plan is made from). */
export const isWrite = (target: string) => !/^(List|Describe|AdminGet|AdminListGroupsForUser)/.test(target);
