import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Pool } from "pg";
import { format } from "prettier";
import { chartSvg } from "@/scripts/bench/chart";
import type { BenchOptions } from "@/scripts/bench/options";
import type { CaseResult } from "@/scripts/bench/report";

export const RESULTS_DIR = "scripts/bench/results";

function packageVersion(name: string): string {
  const file = path.resolve("node_modules", name, "package.json");
  return (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
}

export async function postgresVersion(url: string): Promise<string> {
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    const { rows } = await pool.query<{ server_version: string }>("show server_version");
    return rows[0]?.server_version ?? "unknown";
  } finally {
    await pool.end();
  }
}

export function environment(postgres: string | undefined) {
  const cpus = os.cpus();
  return {
    machine: {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model ?? "unknown",
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      os: `${os.type()} ${os.release()} ${os.arch()}`,
      loadAverageAtStart: os.loadavg().map((load) => Number(load.toFixed(2))),
    },
    versions: {
      node: process.version,
      next: packageVersion("next"),
      cerbos: packageVersion("cerbos"),
      cerbosHttp: packageVersion("@cerbos/http"),
      pglite: packageVersion("@electric-sql/pglite"),
      autocannon: packageVersion("autocannon"),
      postgres: postgres ?? "not run",
    },
  };
}

/** latest.json (every figure, the settings, the machine) and chart.svg, side by side (in smoke/ for a smoke run). */
export async function writeResults(
  options: BenchOptions,
  env: ReturnType<typeof environment>,
  startedAt: Date,
  results: readonly CaseResult[],
): Promise<{ json: string; svg: string }> {
  // A smoke run's figures mean nothing: they go next to the committed ones (git-ignored), never over them.
  const dir = options.smoke ? path.join(RESULTS_DIR, "smoke") : RESULTS_DIR;
  mkdirSync(dir, { recursive: true });
  const json = path.join(dir, "latest.json");
  const svg = path.join(dir, "chart.svg");
  const finishedAt = new Date();
  const document = {
    date: startedAt.toISOString(),
    durationSeconds: Math.round((finishedAt.getTime() - startedAt.getTime()) / 1000),
    ...env,
    settings: options,
    notes: [
      "authorized = a normal `next build`; baseline = the same app built with BENCH_BASELINE_BUILD=1 (allow-all authorization modules).",
      "req/s = responses / time of the rounds; p50/p99 pooled over every response of a variant's rounds.",
      "bytes per response include the headers, uncompressed (autocannon asks so); gzip bytes = one answer's body as a browser gets it.",
      "PDP calls from Cerbos' /_cerbos/metrics before and after each round.",
      "peak RSS = largest sampled VmRSS sum of the `next start` process tree during the case's rounds.",
    ],
    results,
  };
  // Formatted as `npm run lint` wants a committed file (JSON.stringify spreads short arrays over many lines).
  writeFileSync(json, await format(JSON.stringify(document), { parser: "json", printWidth: 120 }));
  const day = startedAt.toISOString().slice(0, 10);
  const subtitle = `${day} · ${env.machine.cpus} cores · Node ${env.versions.node} · Next ${env.versions.next} · Cerbos ${env.versions.cerbos} · ${options.rounds}×${options.roundSeconds} s rounds`;
  writeFileSync(svg, chartSvg(results, subtitle));
  return { json, svg };
}
