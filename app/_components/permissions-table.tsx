"use client";

import type { ContactAction } from "@/lib/authz/contact-resources";

export type PermissionsRow = {
  id: string;
  name: string;
  ownedByUser: boolean;
  actions: Record<ContactAction, boolean>;
};

type PermissionsTableProps = { rows: PermissionsRow[]; actions: readonly ContactAction[] };

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function Decision({ allowed }: { allowed: boolean }) {
  return (
    <span
      className={`inline-flex rounded-full px-2.5 py-0.5 text-xs font-semibold ${allowed ? "bg-emerald-100 text-emerald-800" : "bg-rose-100 text-rose-800"}`}
    >
      {allowed ? "Allowed" : "Denied"}
    </span>
  );
}

/** What Cerbos decided for each contact and action. Plain props only: decisions were made on the server. */
export function PermissionsTable({ rows, actions }: PermissionsTableProps) {
  return (
    <div className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="px-4 py-3 text-left font-semibold text-slate-700">Permissions</caption>
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-2">Contact</th>
            <th scope="col" className="px-4 py-2">Owner</th>
            {actions.map((action) => (
              <th key={action} scope="col" className="px-4 py-2">
                {capitalize(action)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row" className="px-4 py-3 text-left font-medium text-slate-900">
                {row.name}
              </th>
              <td className="px-4 py-3 text-slate-600">{row.ownedByUser ? "You" : "Someone else"}</td>
              {actions.map((action) => (
                <td key={action} className="px-4 py-3">
                  <Decision allowed={row.actions[action]} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
