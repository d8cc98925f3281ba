import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { BASELINE_MARKER } from "@/scripts/bench/baseline/marker";
import { DIST_DIRS } from "@/scripts/bench/servers";
import { runToCompletion } from "@/scripts/stack/processes";

/** The two builds: a normal `next build`, and the baseline (next.config.js swaps the authorization modules). */
export async function buildBoth(env: Record<string, string | undefined>): Promise<void> {
  const next = path.resolve("node_modules/.bin/next");
  const builds = [
    { name: "build authorized", extra: { NEXT_DIST_DIR: DIST_DIRS.authorized } },
    { name: "build baseline", extra: { BENCH_BASELINE_BUILD: "1" } },
  ];
  for (const { name, extra } of builds) {
    const started = Date.now();
    console.log(`[bench] ${name}…`);
    await runToCompletion(
      name,
      next,
      ["build"],
      { ...env, ...extra, NODE_ENV: "production" as const },
      { onlyOnFailure: true },
    );
    console.log(`[bench] ${name}: ${Math.round((Date.now() - started) / 1000)} s`);
  }
}

/** Server JavaScript files under a build folder that contain `needle` (source maps left out). */
export function serverFilesContaining(distDir: string, needle: string): string[] {
  const root = path.join(distDir, "server");
  if (!existsSync(root)) throw new Error(`${distDir} has no build: run the benchmark without --skip-build`);
  const entries = readdirSync(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".js"))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => readFileSync(file, "utf8").includes(needle));
}

/** Pure verdict on the two builds: the alias must have applied to the baseline, and only to it. */
export function buildProblems(hits: { authorized: number; baseline: number }): string[] {
  const problems: string[] = [];
  if (hits.baseline === 0) {
    problems.push(`${DIST_DIRS.baseline} has no allow-all module: the resolve alias did not apply (rebuild it)`);
  }
  if (hits.authorized > 0) {
    problems.push(`${DIST_DIRS.authorized} contains the allow-all module: it is not a normal build (rebuild it)`);
  }
  return problems;
}

/** Refuses to measure builds that are not what they claim to be. */
export function assertBuilds(): void {
  const hits = {
    authorized: serverFilesContaining(DIST_DIRS.authorized, BASELINE_MARKER).length,
    baseline: serverFilesContaining(DIST_DIRS.baseline, BASELINE_MARKER).length,
  };
  const problems = buildProblems(hits);
  if (problems.length > 0) throw new Error(problems.join("\n"));
  console.log(
    `[bench] builds checked: the allow-all modules are in ${hits.baseline} baseline chunks, in none of the other`,
  );
}
