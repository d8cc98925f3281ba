import { UserActionsForm } from "@/app/_components/user-actions-form";
import type { UserRow } from "@/lib/admin/users-view";

type UsersTableProps = { rows: UserRow[] };

const HEAD = "px-4 py-2";
const COLUMNS = ["Email", "Status", "Groups", "Created (UTC)", "Actions"] as const;

/** "2026-12-03T09:10:00.000Z" → "2026-12-03 09:10". */
const shownDate = (iso: string | null) => (iso ? iso.replace("T", " ").slice(0, 16) : "—");

/**
 * The pool's users on this page and, per user and action, a button or why not (as the contacts table shows its
 * decisions). A card per user on a phone, each cell labelled by its column; explicit roles keep the table semantics.
 */
export function UsersTable({ rows }: UsersTableProps) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table role="table" className="min-w-full divide-y divide-slate-200 text-sm max-sm:block">
        <caption className="px-4 py-3 text-left font-semibold text-slate-700 max-sm:block">Users</caption>
        <thead
          role="rowgroup"
          className="bg-slate-50 text-left text-xs tracking-wide text-slate-600 uppercase max-sm:sr-only"
        >
          <tr role="row">
            {COLUMNS.map((column) => (
              <th key={column} role="columnheader" scope="col" className={HEAD}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup" className="divide-y divide-slate-100 max-sm:block">
          {rows.map((row) => (
            <tr role="row" key={row.sub} data-user-sub={row.sub} data-email={row.email} className="permissions-row">
              <th role="rowheader" scope="row" className="permissions-name">
                {row.email ?? row.sub}
                {row.isSelf ? <span className="ml-1 text-xs font-normal text-slate-600">(you)</span> : null}
              </th>
              <td role="cell" data-label="Status" data-column="status" className="permissions-detail">
                <span className="block wrap-anywhere">{row.status}</span>
                <span data-column="enabled" className={row.enabled ? "text-slate-600" : "font-semibold text-rose-800"}>
                  {row.enabled ? "Enabled" : "Disabled"}
                </span>
              </td>
              <td role="cell" data-label="Groups" data-column="groups" className="permissions-detail">
                {row.groups.length > 0 ? row.groups.join(", ") : "none"}
              </td>
              <td role="cell" data-label="Created (UTC)" data-column="created" className="permissions-detail">
                {shownDate(row.createdAt)}
              </td>
              <td role="cell" data-label="Actions" className="permissions-cell max-sm:col-span-3">
                <UserActionsForm sub={row.sub} email={row.email ?? row.sub} actions={row.actions} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
