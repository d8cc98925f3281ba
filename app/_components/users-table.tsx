import { UserActionsForm } from "@/app/_components/user-actions-form";
import type { UserRow } from "@/lib/admin/users-view";
import { ResponsiveTable } from "@/app/_components/responsive-table";

type UsersTableProps = { rows: UserRow[] };

const COLUMNS = ["Email", "Status", "Groups", "Created (UTC)", "Actions"] as const;

/** "2026-12-03T09:10:00.000Z" → "2026-12-03 09:10". */
const shownDate = (iso: string | null) => (iso ? iso.replace("T", " ").slice(0, 16) : "—");

/**
 * The pool's users on this page and, per user and action, a button or why not (as the contacts table shows its
 * decisions). A card per user on a phone, each cell labelled by its column; explicit roles keep the table semantics.
 */
export function UsersTable({ rows }: UsersTableProps) {
  return (
    <ResponsiveTable caption="Users" columns={COLUMNS}>
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
    </ResponsiveTable>
  );
}
