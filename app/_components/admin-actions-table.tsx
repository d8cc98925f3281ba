import type { AdminActionRow } from "@/lib/db/schema";

type AdminActionsTableProps = { rows: AdminActionRow[] };

// Below `sm` each row is a card, as in the decisions table: cells stacked, each labelled by its column.
const ROW = "max-sm:block max-sm:space-y-2 max-sm:px-4 max-sm:py-3";
const CELL =
  "px-4 py-2 align-top max-sm:block max-sm:p-0 max-sm:break-all max-sm:before:block max-sm:before:text-xs max-sm:before:font-medium max-sm:before:text-slate-600 max-sm:before:uppercase max-sm:before:content-[attr(data-label)]";
const COLUMNS = ["When (UTC)", "Actor", "Action", "Target", "Outcome", "Detail", "Request id"] as const;

const OUTCOME_CLASSES: Record<AdminActionRow["outcome"], string> = {
  done: "bg-emerald-100 text-emerald-900",
  refused: "bg-rose-100 text-rose-900",
  failed: "bg-amber-100 text-amber-900",
};

/** What admins did to users from the console, newest first (admin_actions). */
export function AdminActionsTable({ rows }: AdminActionsTableProps) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table role="table" className="min-w-full divide-y divide-slate-200 text-sm max-sm:block">
        <caption className="px-4 py-3 text-left font-semibold text-slate-700 max-sm:block">Admin actions</caption>
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
          {rows.map((row) => (
            <tr role="row" key={row.id} data-admin-action={row.action} data-outcome={row.outcome} className={ROW}>
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
        </tbody>
      </table>
    </div>
  );
}
