"use client";

import Link from "next/link";
import type { ContactAction } from "@/lib/authz/contact-resources";
import type { ContactWithPermissions, Permission } from "@/lib/contacts/contact-reads";
import { ownerLabel } from "@/lib/contacts/contact-view";
import { paths } from "@/lib/paths";

type PermissionsTableProps = { contacts: ContactWithPermissions[]; actions: readonly ContactAction[] };

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** "Allowed" or "Denied", and the rule or role that decided, as Cerbos reported it. */
export function Decision({ permission, action }: { permission: Permission; action: ContactAction }) {
  return (
    <span data-action={action} data-allowed={permission.allowed} className="inline-flex flex-col gap-0.5">
      <span
        className={`inline-flex w-fit rounded-full px-2.5 py-0.5 text-xs font-semibold ${permission.allowed ? "bg-emerald-100 text-emerald-800" : "bg-rose-100 text-rose-800"}`}
      >
        {permission.allowed ? "Allowed" : "Denied"}
      </span>
      <span className="text-xs text-slate-500">{permission.reason}</span>
    </span>
  );
}

/** What Cerbos decided for each visible contact and action. Plain props only: decisions were made on the server. */
export function PermissionsTable({ contacts, actions }: PermissionsTableProps) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="px-4 py-3 text-left font-semibold text-slate-700">Permissions</caption>
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-2">
              Contact
            </th>
            <th scope="col" className="px-4 py-2">
              Company
            </th>
            <th scope="col" className="px-4 py-2">
              Owner
            </th>
            <th scope="col" className="px-4 py-2">
              Private
            </th>
            {actions.map((action) => (
              <th key={action} scope="col" className="px-4 py-2">
                {capitalize(action)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {contacts.map((contact) => (
            <tr key={contact.id} data-contact-id={contact.id}>
              <th scope="row" className="px-4 py-3 text-left font-medium">
                <Link href={paths.contactDetail(contact.id)} className="text-indigo-700 hover:underline">
                  {contact.name}
                </Link>
              </th>
              <td className="px-4 py-3 text-slate-600">{contact.company ?? "—"}</td>
              <td className="px-4 py-3 text-slate-600">{ownerLabel(contact)}</td>
              <td className="px-4 py-3 text-slate-600">{contact.isPrivate ? "Yes" : "No"}</td>
              {actions.map((action) => (
                <td key={action} className="px-4 py-3 align-top">
                  <Decision permission={contact.permissions[action]} action={action} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
