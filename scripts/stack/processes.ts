import { createServer } from "node:net";
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { setTimeout as sleep } from "node:timers/promises";

/** Values that must never reach the terminal, even if a child happens to log them. */
const secretValues = new Set<string>();

export function registerSecret(value: string): void {
  if (value.length >= 8) secretValues.add(value);
}

export function redact(line: string): string {
  let out = line;
  for (const secret of secretValues) out = out.split(secret).join("[redacted]");
  return out;
}

/** Every child still running, so a shutdown can reach the ones started by helpers too (e.g. `next build`). */
export const runningChildren = new Set<ManagedChild>();

export type ManagedChild = {
  name: string;
  process: ChildProcess;
  /** Resolves with the exit code (or signal name) once the child has exited. */
  exited: Promise<number | string>;
  hasExited: () => boolean;
};

export type ChildOutput = {
  /** Lines for which this is true are not printed (known, harmless noise). */
  drop?: (line: string) => boolean;
  /** Keep the output and print it only if the child fails (a build's progress report). */
  onlyOnFailure?: boolean;
};

/**
 * Starts a child in its own process group (detached) so that Ctrl-C in the terminal reaches only the stack,
 * which then stops every child in order, and so that killing the group also reaches grandchildren
 * (Cerbos' npm wrapper runs the real PDP binary as a child; Next spawns workers).
 */
export function startChild(
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  output: ChildOutput = {},
): ManagedChild {
  const child = spawn(command, args, { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const prefix = `[${name}]`;
  const held: string[] = [];
  const print = (line: string) => (output.onlyOnFailure ? held.push(line) : console.log(line));
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on("line", (line) => {
      if (!output.drop?.(line)) print(`${prefix} ${redact(line)}`);
    });
  }
  let done = false;
  const exited = new Promise<number | string>((resolve) => {
    const finish = (result: number | string) => {
      if (result !== 0) for (const line of held.splice(0)) console.log(line);
      done = true;
      runningChildren.delete(managed);
      resolve(result);
    };
    child.on("exit", (code, signal) => finish(code ?? signal ?? "unknown"));
    child.on("error", (error) => {
      console.error(`${prefix} failed to start: ${error.message}`);
      finish("spawn-error");
    });
  });
  const managed: ManagedChild = { name, process: child, exited, hasExited: () => done };
  runningChildren.add(managed);
  return managed;
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM to the child's whole group; SIGKILL if it is still there after `graceMs`. Waits until the group is gone. */
export async function stopChild(child: ManagedChild, graceMs = 10_000): Promise<void> {
  const pid = child.process.pid;
  if (pid === undefined) return;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // Group already gone.
    }
  };
  signalGroup("SIGTERM");
  const deadline = Date.now() + graceMs;
  while (groupAlive(pid) && Date.now() < deadline) await sleep(100);
  if (groupAlive(pid)) {
    console.log(`[stack] ${child.name} did not stop within ${graceMs / 1000}s; killing it`);
    signalGroup("SIGKILL");
    while (groupAlive(pid)) await sleep(50);
  }
  await child.exited;
}

/** Polls `url` until it answers 2xx; fails early if `child` exits, or after `timeoutMs`. */
export async function waitForHealthy(url: string, child: ManagedChild, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.hasExited()) throw new Error(`${child.name} exited (${await child.exited}) before ${url} was healthy`);
    if (await isHealthy(url)) return;
    await sleep(250);
  }
  throw new Error(`${url} was not healthy within ${timeoutMs / 1000}s`);
}

export async function isHealthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000), redirect: "manual" });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

/** Runs a command to completion with prefixed output; rejects on a non-zero exit. */
export async function runToCompletion(
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  output: ChildOutput = {},
) {
  const child = startChild(name, command, args, env, output);
  const result = await child.exited;
  if (result !== 0) throw new Error(`${name} failed (exit ${result})`);
}

/** Fails fast with a clear message instead of letting a child die later on EADDRINUSE. */
export async function assertPortFree(port: number, what: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = createServer();
    server.once("error", () =>
      reject(
        new Error(
          `port ${port} (${what}) is already in use: is another stack running? Set the port env var to override.`,
        ),
      ),
    );
    server.listen(port, "127.0.0.1", () => server.close(() => resolve()));
  });
}
