/**
 * The standalone server of the e2e build (output: "standalone"), as a deployment runs it: its own folder, its
 * traced node_modules, migrations and policies, no repository around it. Each runs in its own process group, so
 * stopping it also stops anything it forked.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

export type StandaloneServer = {
  readonly url: string;
  /** The last few kilobytes the server printed, for error messages. */
  output(): string;
  stop(): Promise<void>;
};

export const E2E_BUILD = ".next-e2e";

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app on ${url} exited with ${child.exitCode}:\n${output()}`);
    const healthy = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) return;
    await sleep(250);
  }
  throw new Error(`the app on ${url} did not become healthy:\n${output()}`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name);
    } catch {
      // already gone
    }
  };
  signal("SIGTERM");
  if (await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)])) return;
  signal("SIGKILL");
  await exited;
}

/** Starts `node <build>/standalone/server.js` on 127.0.0.1:`port` and resolves once /api/health answers. */
export async function startStandaloneServer(port: number, env: NodeJS.ProcessEnv): Promise<StandaloneServer> {
  const url = `http://localhost:${port}`;
  const server = path.resolve(`${E2E_BUILD}/standalone/server.js`);
  const child = spawn(process.execPath, [server], {
    env: { ...env, PORT: String(port), HOSTNAME: "127.0.0.1" },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let printed = "";
  const keep = (chunk: Buffer) => (printed = (printed + chunk.toString()).slice(-6_000));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const output = () => printed;
  const stop = () => stopChild(child);
  try {
    await waitForHealth(url, child, output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, output, stop };
}
