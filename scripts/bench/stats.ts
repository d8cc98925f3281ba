/** Pure arithmetic over measured rounds: what one variant did in one case, and how the two compare. */

export const VARIANTS = ["authorized", "baseline"] as const;
export type Variant = (typeof VARIANTS)[number];

/** One autocannon round against one server. */
export type Round = {
  variant: Variant;
  /** Responses received (any status). */
  responses: number;
  /**
   * Requests sent: more than the responses when a timed round ends with requests in flight, which the server still
   * serves (and asks the PDP about), so PDP calls are divided by this.
   */
  sent: number;
  non2xx: number;
  errors: number;
  seconds: number;
  latenciesMs: number[];
  bytes: number;
  pdpCalls: number;
  pdpCallsByMethod: Record<string, number>;
};

export type VariantSummary = {
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  bytesPerResponse: number;
  pdpCallsPerRequest: number;
  pdpCallsPerRequestByMethod: Record<string, number>;
  responses: number;
  non2xx: number;
  errors: number;
  rounds: number;
  peakRssMb: number;
};

/** Nearest-rank percentile of unsorted samples (NaN when there are none). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

/** Rounds of one variant pooled: throughput over their total time, percentiles over every response. */
export function summarizeRounds(rounds: readonly Round[], peakRssBytes: number): VariantSummary {
  const responses = rounds.reduce((sum, r) => sum + r.responses, 0);
  const seconds = rounds.reduce((sum, r) => sum + r.seconds, 0);
  const latencies = rounds.flatMap((r) => r.latenciesMs);
  const byMethod: Record<string, number> = {};
  for (const r of rounds) {
    for (const [method, calls] of Object.entries(r.pdpCallsByMethod))
      byMethod[method] = (byMethod[method] ?? 0) + calls;
  }
  const sent = rounds.reduce((sum, r) => sum + r.sent, 0);
  const perRequest = (calls: number) => (sent === 0 ? 0 : round(calls / sent, 3));
  return {
    reqPerSec: seconds === 0 ? 0 : round(responses / seconds, 1),
    p50Ms: round(percentile(latencies, 50), 2),
    p99Ms: round(percentile(latencies, 99), 2),
    bytesPerResponse: responses === 0 ? 0 : Math.round(rounds.reduce((sum, r) => sum + r.bytes, 0) / responses),
    pdpCallsPerRequest: perRequest(rounds.reduce((sum, r) => sum + r.pdpCalls, 0)),
    pdpCallsPerRequestByMethod: Object.fromEntries(
      Object.entries(byMethod).map(([m, calls]) => [m, perRequest(calls)]),
    ),
    responses,
    non2xx: rounds.reduce((sum, r) => sum + r.non2xx, 0),
    errors: rounds.reduce((sum, r) => sum + r.errors, 0),
    rounds: rounds.length,
    peakRssMb: Math.round(peakRssBytes / 1024 / 1024),
  };
}

export type Comparison = {
  /** authorized / baseline throughput. */
  reqPerSecRatio: number;
  /** What authorization adds to the median and the 99th percentile, in milliseconds. */
  p50OverheadMs: number;
  p99OverheadMs: number;
};

export function compare(authorized: VariantSummary, baseline: VariantSummary): Comparison {
  return {
    reqPerSecRatio: baseline.reqPerSec === 0 ? NaN : round(authorized.reqPerSec / baseline.reqPerSec, 2),
    p50OverheadMs: round(authorized.p50Ms - baseline.p50Ms, 2),
    p99OverheadMs: round(authorized.p99Ms - baseline.p99Ms, 2),
  };
}
