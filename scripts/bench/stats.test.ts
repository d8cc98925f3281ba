import { describe, expect, it } from "vitest";
import { compare, percentile, summarizeRounds, type Round } from "@/scripts/bench/stats";

function round(overrides: Partial<Round>): Round {
  return {
    variant: "authorized",
    responses: 0,
    sent: 0,
    non2xx: 0,
    errors: 0,
    seconds: 1,
    latenciesMs: [],
    bytes: 0,
    pdpCalls: 0,
    pdpCallsByMethod: {},
    ...overrides,
  };
}

describe("percentile", () => {
  it("is the nearest rank of unsorted samples", () => {
    const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 99)).toBe(10);
    expect(percentile(samples, 0)).toBe(1);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe("summarizeRounds", () => {
  it("pools rounds: throughput over their total time, percentiles over every response, PDP calls per request sent", () => {
    const summary = summarizeRounds(
      [
        round({
          responses: 3,
          sent: 4,
          seconds: 1,
          latenciesMs: [1, 2, 3],
          bytes: 300,
          pdpCalls: 8,
          pdpCallsByMethod: { CheckResources: 4, PlanResources: 4 },
        }),
        round({
          responses: 5,
          sent: 6,
          seconds: 3,
          latenciesMs: [4, 5, 6, 7, 100],
          bytes: 500,
          non2xx: 1,
          pdpCalls: 12,
          pdpCallsByMethod: { CheckResources: 12 },
        }),
      ],
      300 * 1024 * 1024,
    );
    expect(summary).toEqual({
      reqPerSec: 2,
      p50Ms: 4,
      p99Ms: 100,
      bytesPerResponse: 100,
      pdpCallsPerRequest: 2,
      pdpCallsPerRequestByMethod: { CheckResources: 1.6, PlanResources: 0.4 },
      responses: 8,
      non2xx: 1,
      errors: 0,
      rounds: 2,
      peakRssMb: 300,
    });
  });

  it("says zero, not NaN or Infinity, for rounds without a response", () => {
    expect(summarizeRounds([round({})], 0)).toMatchObject({ reqPerSec: 0, bytesPerResponse: 0, pdpCallsPerRequest: 0 });
  });
});

describe("compare", () => {
  it("gives the throughput ratio and the latency authorization adds", () => {
    const base = summarizeRounds([round({ responses: 100, sent: 100, latenciesMs: [2, 2, 4] })], 0);
    const authz = summarizeRounds([round({ responses: 90, sent: 90, latenciesMs: [3, 3, 6] })], 0);
    expect(compare(authz, base)).toEqual({ reqPerSecRatio: 0.9, p50OverheadMs: 1, p99OverheadMs: 2 });
  });
});
