import type { CaseResult } from "@/scripts/bench/report";
import { VARIANTS, type Variant } from "@/scripts/bench/stats";

/**
 * The README's chart, hand-written SVG (no charting dependency for a dozen bars): for each database and case, req/s
 * per size (authorized beside baseline, ratio above), and the p50 bar with a p99 whisker. Pure.
 */

const PANEL = { width: 420, height: 170, top: 34, bottom: 28, left: 48 };
const COLORS: Record<Variant, string> = { authorized: "#2563eb", baseline: "#9ca3af" };

export function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );
}

const text = (x: number, y: number, content: string, attrs = "") =>
  `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" ${attrs}>${escapeXml(content)}</text>`;
const rect = (x: number, y: number, w: number, h: number, fill: string) =>
  `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${w.toFixed(1)}" height="${Math.max(0, h).toFixed(1)}" fill="${fill}"/>`;

/** A round axis maximum a little above `value`: 1, 2 or 5 times a power of ten. */
export function niceMax(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 5, 10].find((step) => step * power >= value) ?? 10) * power;
}

type Bar = { label: string; values: Record<Variant, number>; whiskers?: Record<Variant, number>; note?: string };

function panel(x0: number, y0: number, title: string, unit: string, bars: Bar[]): string {
  const plotHeight = PANEL.height - PANEL.top - PANEL.bottom;
  const top = Math.max(...bars.flatMap((bar) => VARIANTS.map((v) => Math.max(bar.values[v], bar.whiskers?.[v] ?? 0))));
  const max = niceMax(top);
  const baseY = y0 + PANEL.top + plotHeight;
  const groupWidth = (PANEL.width - PANEL.left - 10) / Math.max(1, bars.length);
  const barWidth = Math.min(40, groupWidth / 3);
  const parts = [
    text(x0 + PANEL.left, y0 + 16, title, 'font-weight="bold"'),
    text(x0 + PANEL.left - 6, y0 + PANEL.top + 4, `${max} ${unit}`, 'text-anchor="end" font-size="10"'),
    `<line x1="${x0 + PANEL.left}" y1="${baseY}" x2="${x0 + PANEL.width - 10}" y2="${baseY}" stroke="#374151"/>`,
  ];
  bars.forEach((bar, i) => {
    const gx = x0 + PANEL.left + i * groupWidth + (groupWidth - 2 * barWidth) / 2;
    VARIANTS.forEach((variant, j) => {
      const height = (bar.values[variant] / max) * plotHeight;
      const x = gx + j * barWidth;
      parts.push(rect(x, baseY - height, barWidth - 2, height, COLORS[variant]));
      const whisker = bar.whiskers?.[variant];
      if (whisker !== undefined) {
        const wy = baseY - (whisker / max) * plotHeight;
        const mid = x + (barWidth - 2) / 2;
        parts.push(
          `<line x1="${mid}" y1="${wy.toFixed(1)}" x2="${mid}" y2="${(baseY - height).toFixed(1)}" stroke="#111827"/>`,
        );
      }
    });
    parts.push(text(gx + barWidth, baseY + 14, bar.label, 'text-anchor="middle" font-size="11"'));
    if (bar.note) parts.push(text(gx + barWidth, y0 + PANEL.top - 4, bar.note, 'text-anchor="middle" font-size="10"'));
  });
  return parts.join("\n");
}

function groups(results: readonly CaseResult[]): Map<string, CaseResult[]> {
  const byGroup = new Map<string, CaseResult[]>();
  for (const result of results) {
    const key = `${result.db} · ${result.case}`;
    byGroup.set(key, [...(byGroup.get(key) ?? []), result]);
  }
  return byGroup;
}

const sizeLabel = (size: number) => (size >= 1000 ? `${size / 1000}k` : String(size));

export function chartSvg(results: readonly CaseResult[], subtitle: string): string {
  const rows = [...groups(results)];
  const width = PANEL.width * 2 + 20;
  const height = 60 + rows.length * PANEL.height + 20;
  const parts = [
    text(10, 22, "Authorization cost: authorized build vs allow-all baseline", 'font-size="15" font-weight="bold"'),
    text(10, 40, subtitle, 'font-size="11"'),
    ...VARIANTS.map((v, i) => rect(width - 230 + i * 110, 30, 12, 12, COLORS[v]) + text(width - 214 + i * 110, 40, v)),
  ];
  rows.forEach(([key, cases], i) => {
    const y0 = 50 + i * PANEL.height;
    const sorted = [...cases].sort((a, b) => a.size - b.size);
    const throughput = sorted.map((r) => ({
      label: sizeLabel(r.size),
      values: { authorized: r.authorized.reqPerSec, baseline: r.baseline.reqPerSec },
      note: `×${r.comparison.reqPerSecRatio.toFixed(2)}`,
    }));
    const latency = sorted.map((r) => ({
      label: sizeLabel(r.size),
      values: { authorized: r.authorized.p50Ms, baseline: r.baseline.p50Ms },
      whiskers: { authorized: r.authorized.p99Ms, baseline: r.baseline.p99Ms },
    }));
    parts.push(panel(10, y0, `${key}: req/s by contacts`, "req/s", throughput));
    parts.push(panel(10 + PANEL.width, y0, `${key}: p50 (bar), p99 (line)`, "ms", latency));
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    ...parts,
    "</svg>",
    "",
  ].join("\n");
}
