import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parentFromStat, processTree, rssFromStatus } from "@/scripts/bench/metrics";
import type { Variant } from "@/scripts/bench/stats";
import { startChild, stopChild, waitForHealthy, type ManagedChild } from "@/scripts/stack/processes";

/** Where each variant's build lives; next.config.js forces the baseline's folder when BENCH_BASELINE_BUILD=1. */
export const DIST_DIRS: Record<Variant, string> = { authorized: ".next-bench", baseline: ".next-bench-baseline" };

export type BenchServer = { variant: Variant; url: string; child: ManagedChild };

// Next's start-up banner and its "Ready" line; anything else (warnings, errors) is printed.
const isStartupNoise = (line: string) =>
  /▲ Next\.js|Local:|Network:|Ready in|Starting\.\.\.|Running next\.config\.js|^\[env\] |^\S+\s*$/.test(line);

/**
 * `next start` of one build, on 127.0.0.1. Every server gets the same environment but for the dist folder, its port
 * and (PGlite only) its data folder; NEXTAUTH_URL is its own origin, which the app redirects every other host to.
 */
export async function startServer(
  variant: Variant,
  port: number,
  env: Record<string, string>,
  databaseEnv: Record<string, string>,
): Promise<BenchServer> {
  const url = `http://127.0.0.1:${port}`;
  const serverEnv: NodeJS.ProcessEnv = {
    ...env,
    ...databaseEnv,
    NEXTAUTH_URL: url,
    NEXT_DIST_DIR: DIST_DIRS[variant],
    NODE_ENV: "production",
  };
  const next = path.resolve("node_modules/.bin/next");
  const child = startChild(variant, next, ["start", "-H", "127.0.0.1", "-p", String(port)], serverEnv, {
    drop: isStartupNoise,
  });
  await waitForHealthy(`${url}/api/health`, child, 120_000);
  return { variant, url, child };
}

export async function stopServer(server: BenchServer): Promise<void> {
  await stopChild(server.child);
}

function readProc(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return ""; // the process ended between listing and reading
  }
}

/** Resident memory of a process and all its descendants (Next's CLI starts the server as a child). */
export function treeRss(root: number): number {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const parent = parentFromStat(readProc(`/proc/${entry}/stat`));
    if (parent !== undefined) parents.set(Number(entry), parent);
  }
  return processTree(root, parents).reduce((sum, pid) => sum + rssFromStatus(readProc(`/proc/${pid}/status`)), 0);
}

/** Samples each server's process tree while rounds run; `takePeak` returns and resets a variant's peak. */
export class RssSampler {
  private readonly peaks = new Map<Variant, number>();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly servers: readonly BenchServer[]) {
    this.timer = setInterval(() => this.sample(), 250);
    this.timer.unref();
  }

  private sample(): void {
    for (const server of this.servers) {
      const pid = server.child.process.pid;
      if (pid === undefined) continue;
      this.peaks.set(server.variant, Math.max(this.peaks.get(server.variant) ?? 0, treeRss(pid)));
    }
  }

  takePeak(variant: Variant): number {
    this.sample();
    const peak = this.peaks.get(variant) ?? 0;
    this.peaks.set(variant, 0);
    return peak;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
