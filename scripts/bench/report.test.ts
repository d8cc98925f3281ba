import { describe, expect, it } from "vitest";
import { chartSvg, escapeXml, niceMax } from "@/scripts/bench/chart";
import { formatTable, type CaseResult } from "@/scripts/bench/report";
import { compare, type VariantSummary } from "@/scripts/bench/stats";

function summary(reqPerSec: number, p50Ms: number, pdpCallsPerRequest: number) {
  const measured: VariantSummary = {
    reqPerSec,
    p50Ms,
    p99Ms: p50Ms * 3,
    bytesPerResponse: 4_800,
    pdpCallsPerRequest,
    pdpCallsPerRequestByMethod: {},
    responses: 1_000,
    non2xx: 0,
    errors: 0,
    rounds: 2,
    peakRssMb: 210,
  };
  return { ...measured, gzipBytesPerResponse: 1_200 };
}

function result(size: number, authorized: number, baseline: number): CaseResult {
  const a = summary(authorized, 8, 2);
  const b = summary(baseline, 4, 0);
  return { db: "postgres", size, case: "api-warm-16", authorized: a, baseline: b, comparison: compare(a, b) };
}

const results = [result(10, 450, 500), result(100_000, 200, 400)];

describe("formatTable", () => {
  it("prints one aligned Markdown row per case with both variants and the ratio", () => {
    const lines = formatTable(results).split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^\| db +\| contacts \| case +\| req\/s auth \| req\/s base \| ratio \|/);
    expect(lines[1]).toMatch(/^\|-+\|/);
    expect(lines[3]).toContain("| 100,000  |");
    expect(lines[3]).toContain("| 200.0      | 400.0      | 0.50  |");
    expect(lines[3]).toContain("| 2.00 / 0.00 ");
    expect(lines[3]).toContain("| 4800 / 4800    | 1200 / 1200    |");
    expect(new Set(lines.map((line) => line.length)).size).toBe(1);
  });
});

describe("chartSvg", () => {
  it("draws two bars per size in each panel, with the ratio, and escapes its text", () => {
    const svg = chartSvg(results, "2026-12-02 · <2 cores> & friends");
    expect(svg.startsWith("<svg xmlns=")).toBe(true);
    expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
    // Legend (2) + background + req/s bars (2 sizes × 2 variants) + p50 bars (2 × 2).
    expect(svg.match(/<rect /g)).toHaveLength(11);
    expect(svg).toContain("×0.90");
    expect(svg).toContain("×0.50");
    expect(svg).toContain("100k");
    expect(svg).toContain("&lt;2 cores&gt; &amp; friends");
    expect(svg).not.toContain("NaN");
  });
});

describe("chart helpers", () => {
  it("rounds an axis up to 1, 2 or 5 times a power of ten", () => {
    expect([0, 0.7, 3, 450, 501, 1000].map(niceMax)).toEqual([1, 1, 5, 500, 1000, 1000]);
  });

  it("escapes XML", () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });
});
