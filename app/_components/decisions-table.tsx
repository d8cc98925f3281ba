import type { DecisionEntry } from "@/lib/audit/decision-log";

type DecisionsTableProps = { entries: DecisionEntry[] };

// Below `sm` each decision is a card (as in the sessions table): cells stacked, each labelled by its column.
const ROW = "max-sm:block max-sm:space-y-2 max-sm:px-4 max-sm:py-3";
const CELL =
  "px-4 py-2 align-top max-sm:block max-sm:p-0 max-sm:before:block max-sm:before:text-xs max-sm:before:font-medium max-sm:before:text-slate-600 max-sm:before:uppercase max-sm:before:content-[attr(data-label)]";
const COLUMNS = ["Time (UTC)", "Principal", "Resource", "Action", "Effect", "Policy", "Request id"] as const;

function effectClasses(effect: string): string {
  if (effect === "ALLOW" || effect === "ALWAYS_ALLOWED") return "bg-emerald-100 text-emerald-900";
  if (effect === "DENY" || effect === "ALWAYS_DENIED") return "bg-rose-100 text-rose-900";
  return "bg-amber-100 text-amber-900";
}

/** "2026-12-02T15:03:03.479478519Z" → "2026-12-02 15:03:03.479": the PDP writes UTC with nanoseconds. */
const shownTime = (time: string) => time.replace("T", " ").slice(0, 23);

/** The newest decisions of the PDP, one row per resource and action. A server component: nothing here is interactive. */
export function DecisionsTable({ entries }: DecisionsTableProps) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table role="table" className="min-w-full divide-y divide-slate-200 text-sm max-sm:block">
        <caption className="px-4 py-3 text-left font-semibold text-slate-700 max-sm:block">Recent decisions</caption>
        <thead
          role="rowgroup"
          className="bg-slate-50 text-left text-xs tracking-wide text-slate-600 uppercase max-sm:sr-only"
        >
          <tr role="row">
            {COLUMNS.map((column) => (
              <th key={column} role="columnheader" scope="col" className="px-4 py-2">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup" className="divide-y divide-slate-100 max-sm:block">
          {entries.map((entry) => (
            <tr
              role="row"
              key={`${entry.callId}|${entry.resource.kind}|${entry.resource.id}|${entry.action}`}
              className={ROW}
            >
              <td role="cell" data-label="Time (UTC)" className={`${CELL} whitespace-nowrap`}>
                <time dateTime={entry.time}>{shownTime(entry.time)}</time>
              </td>
              <td role="cell" data-label="Principal" className={CELL}>
                <span className="break-all">{entry.principal.id}</span>
                <span className="block text-xs text-slate-600">{entry.principal.roles.join(", ") || "no roles"}</span>
              </td>
              <td role="cell" data-label="Resource" className={`${CELL} break-all`}>
                {entry.resource.kind}:{entry.resource.id}
                {entry.call === "plan" ? <span className="block text-xs text-slate-600">query plan</span> : null}
              </td>
              <td role="cell" data-label="Action" className={CELL}>
                {entry.action}
              </td>
              <td role="cell" data-label="Effect" className={CELL}>
                <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${effectClasses(entry.effect)}`}>
                  {entry.effect}
                </span>
              </td>
              <td role="cell" data-label="Policy" className={`${CELL} break-all`}>
                {entry.policy || "none"}
              </td>
              <td role="cell" data-label="Request id" className={`${CELL} font-mono text-xs break-all`}>
                {entry.requestId || "none"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
