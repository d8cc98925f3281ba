import type { CaseName, DbName } from "@/scripts/bench/options";
import type { Comparison, VariantSummary } from "@/scripts/bench/stats";

/** One case at one size on one database, both variants measured in alternated rounds. */
export type CaseResult = {
  db: DbName;
  size: number;
  case: CaseName;
  /** `gzipBytesPerResponse`: one answer of the case (its first persona's first page) as a browser receives it. */
  authorized: VariantSummary & { gzipBytesPerResponse: number };
  baseline: VariantSummary & { gzipBytesPerResponse: number };
  comparison: Comparison;
};

const COLUMNS = [
  "db",
  "contacts",
  "case",
  "req/s auth",
  "req/s base",
  "ratio",
  "p50 ms a/b",
  "p99 ms a/b",
  "bytes/resp a/b",
  "gzip bytes a/b",
  "PDP calls/req a/b",
  "peak RSS MB a/b",
  "non-2xx a/b",
] as const;

const pair = (a: number | string, b: number | string) => `${a} / ${b}`;
const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : "n/a");

function row(result: CaseResult): string[] {
  const { authorized: a, baseline: b } = result;
  return [
    result.db,
    result.size.toLocaleString("en-US"),
    result.case,
    fixed(a.reqPerSec),
    fixed(b.reqPerSec),
    fixed(result.comparison.reqPerSecRatio, 2),
    pair(fixed(a.p50Ms), fixed(b.p50Ms)),
    pair(fixed(a.p99Ms), fixed(b.p99Ms)),
    pair(a.bytesPerResponse, b.bytesPerResponse),
    pair(a.gzipBytesPerResponse, b.gzipBytesPerResponse),
    pair(fixed(a.pdpCallsPerRequest, 2), fixed(b.pdpCallsPerRequest, 2)),
    pair(a.peakRssMb, b.peakRssMb),
    pair(a.non2xx + a.errors, b.non2xx + b.errors),
  ];
}

/** A plain-text table (also valid Markdown), one line per case; pure. */
export function formatTable(results: readonly CaseResult[]): string {
  const rows = [[...COLUMNS], ...results.map(row)];
  const widths = COLUMNS.map((_, column) => Math.max(...rows.map((cells) => (cells[column] ?? "").length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  const rule = `|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`;
  const [header, ...body] = rows;
  return [line(header ?? []), rule, ...body.map(line)].join("\n");
}
