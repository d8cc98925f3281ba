import type { DecisionEntry } from "@/lib/audit/decision-log";
import { CARD_CELL, CARD_ROW, ResponsiveTable } from "@/app/_components/responsive-table";

type DecisionsTableProps = { entries: DecisionEntry[] };

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
    <ResponsiveTable caption="Recent decisions" columns={COLUMNS}>
      {entries.map((entry) => (
        <tr
          role="row"
          key={`${entry.callId}|${entry.resource.kind}|${entry.resource.id}|${entry.action}`}
          className={CARD_ROW}
        >
          <td role="cell" data-label="Time (UTC)" className={`${CARD_CELL} whitespace-nowrap`}>
            <time dateTime={entry.time}>{shownTime(entry.time)}</time>
          </td>
          <td role="cell" data-label="Principal" className={CARD_CELL}>
            <span className="break-all">{entry.principal.id}</span>
            <span className="block text-xs text-slate-600">{entry.principal.roles.join(", ") || "no roles"}</span>
          </td>
          <td role="cell" data-label="Resource" className={`${CARD_CELL} break-all`}>
            {entry.resource.kind}:{entry.resource.id}
            {entry.call === "plan" ? <span className="block text-xs text-slate-600">query plan</span> : null}
          </td>
          <td role="cell" data-label="Action" className={CARD_CELL}>
            {entry.action}
          </td>
          <td role="cell" data-label="Effect" className={CARD_CELL}>
            <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${effectClasses(entry.effect)}`}>
              {entry.effect}
            </span>
          </td>
          <td role="cell" data-label="Policy" className={`${CARD_CELL} break-all`}>
            {entry.policy || "none"}
          </td>
          <td role="cell" data-label="Request id" className={`${CARD_CELL} font-mono text-xs break-all`}>
            {entry.requestId || "none"}
          </td>
        </tr>
      ))}
    </ResponsiveTable>
  );
}
