import { BASELINE_MARKER } from "@/scripts/bench/baseline/marker";
import { gzipBytes, runRound } from "@/scripts/bench/load";
import type { BenchOptions, CaseSpec, DbName } from "@/scripts/bench/options";
import type { CaseResult } from "@/scripts/bench/report";
import type { BenchServer, RssSampler } from "@/scripts/bench/servers";
import { compare, summarizeRounds, VARIANTS, type Round, type Variant } from "@/scripts/bench/stats";
import { coldRequests, coldSlices, warmRequests, type Credentials } from "@/scripts/bench/workload";

/** Both servers of one database and size, and who may call them. */
export type Pair = {
  db: DbName;
  size: number;
  servers: Record<Variant, BenchServer>;
  sampler: RssSampler;
  pdpUrl: string;
  warm: Credentials[];
  cold: Credentials[];
  options: BenchOptions;
};

function refuseBaselinePdpCalls(round: Round): void {
  if (round.variant === "baseline" && round.pdpCalls > 0) {
    throw new Error(`the baseline server made ${round.pdpCalls} PDP calls: it is not the allow-all build`);
  }
}

/**
 * Before measuring: each server answers as the build it claims to be (the allow-all reason in the baseline's
 * answers only), and the baseline makes no PDP call. Then a warm-up of the API and the page on both.
 */
export async function checkAndWarmUp(pair: Pair): Promise<void> {
  for (const variant of VARIANTS) {
    const persona = pair.warm[1] ?? pair.warm[0];
    const response = await fetch(`${pair.servers[variant].url}/api/contacts`, {
      headers: { authorization: `Bearer ${persona?.bearer}` },
    });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`${variant}: GET /api/contacts answered ${response.status}: ${body}`);
    if (body.includes(BASELINE_MARKER) !== (variant === "baseline")) {
      throw new Error(`${variant}: its answers ${variant === "baseline" ? "lack" : "carry"} the allow-all reason`);
    }
  }
  const seconds = Math.max(1, Math.min(3, pair.options.roundSeconds));
  for (const target of ["api", "page"] as const) {
    for (const variant of VARIANTS) {
      const next = warmRequests(target, pair.warm, pair.size);
      const round = await runRound(pair.servers[variant], 8, { seconds }, next, pair.pdpUrl);
      refuseBaselinePdpCalls(round);
      if (round.non2xx > 0) throw new Error(`${variant}: ${round.non2xx} non-2xx answers while warming up ${target}`);
    }
  }
}

/** One case: `rounds` rounds per variant, alternated A B A B so that noise hits both alike. */
export async function runCase(pair: Pair, spec: CaseSpec): Promise<CaseResult> {
  const { rounds: count, roundSeconds } = pair.options;
  for (const variant of VARIANTS) pair.sampler.takePeak(variant);
  const rounds: Round[] = [];
  const warm = Object.fromEntries(VARIANTS.map((v) => [v, warmRequests(spec.target, pair.warm, pair.size)]));
  const slices = coldSlices(pair.cold, count);
  let overflow = 0;
  for (let r = 0; r < count; r++) {
    for (const variant of VARIANTS) {
      const server = pair.servers[variant];
      let round: Round;
      if (spec.users === "warm") {
        round = await runRound(server, spec.connections, { seconds: roundSeconds }, warm[variant]!, pair.pdpUrl);
      } else {
        const slice = slices[r] ?? [];
        const cold = coldRequests(spec.target, slice);
        round = await runRound(server, spec.connections, { amount: slice.length }, cold.next, pair.pdpUrl);
        overflow += cold.overflow();
      }
      refuseBaselinePdpCalls(round);
      rounds.push(round);
    }
  }
  if (overflow > 0) console.log(`[bench] note: autocannon built ${overflow} cold requests past the list (unsent)`);
  const [authorized, baseline] = VARIANTS.map((variant) =>
    summarizeRounds(
      rounds.filter((round) => round.variant === variant),
      pair.sampler.takePeak(variant),
    ),
  ) as [ReturnType<typeof summarizeRounds>, ReturnType<typeof summarizeRounds>];
  const sample = warmRequests(spec.target, pair.warm, pair.size)();
  return {
    db: pair.db,
    size: pair.size,
    case: spec.name,
    authorized: { ...authorized, gzipBytesPerResponse: await gzipBytes(pair.servers.authorized, sample) },
    baseline: { ...baseline, gzipBytesPerResponse: await gzipBytes(pair.servers.baseline, sample) },
    comparison: compare(authorized, baseline),
  };
}
