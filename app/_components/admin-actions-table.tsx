import type { AdminActionRow } from "@/lib/db/schema";
import { CARD_CELL, CARD_ROW, ResponsiveTable } from "@/app/_components/responsive-table";

type AdminActionsTableProps = { rows: AdminActionRow[] };

// Long subs and request ids wrap anywhere on a phone card.
const CELL = `${CARD_CELL} max-sm:break-all`;
const COLUMNS = ["When (UTC)", "Actor", "Action", "Target", "Outcome", "Detail", "Request id"] as const;

const OUTCOME_CLASSES: Record<AdminActionRow["outcome"], string> = {
  done: "bg-emerald-100 text-emerald-900",
  refused: "bg-rose-100 text-rose-900",
  failed: "bg-amber-100 text-amber-900",
};

/** What admins did to users from the console, newest first (admin_actions). */
export function AdminActionsTable({ rows }: AdminActionsTableProps) {
  return (
    <ResponsiveTable caption="Admin actions" columns={COLUMNS}>
      {rows.map((row) => (
        <tr role="row" key={row.id} data-admin-action={row.action} data-outcome={row.outcome} className={CARD_ROW}>
          <td role="cell" data-label={COLUMNS[0]} className={`${CELL} whitespace-nowrap`}>
            {row.at.toISOString().replace("T", " ").slice(0, 19)}
          </td>
          <td role="cell" data-label={COLUMNS[1]} className={CELL}>
            {row.actorEmail ?? row.actorSub}
          </td>
          <td role="cell" data-label={COLUMNS[2]} className={CELL}>
            {row.action}
          </td>
          <td role="cell" data-label={COLUMNS[3]} className={CELL}>
            {row.targetEmail ?? row.targetSub}
          </td>
          <td role="cell" data-label={COLUMNS[4]} className={CELL}>
            <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${OUTCOME_CLASSES[row.outcome]}`}>
              {row.outcome}
            </span>
          </td>
          <td role="cell" data-label={COLUMNS[5]} className={CELL}>
            {row.detail || "—"}
          </td>
          <td role="cell" data-label={COLUMNS[6]} className={`${CELL} font-mono text-xs`}>
            {row.requestId ?? "—"}
          </td>
        </tr>
      ))}
    </ResponsiveTable>
  );
}
