import Link from "next/link";
import type { ContactAction } from "@/lib/authz/contact-resources";
import type { ActionDecision } from "@/lib/authz/decision-reasons";
import type { ContactWithPermissions } from "@/lib/contacts/contact-reads";
import type { ShareRole } from "@/lib/contacts/contact-shares";
import { ownerLabel } from "@/lib/contacts/contact-view";
import { paths } from "@/lib/paths";
import { ResponsiveTable } from "@/app/_components/responsive-table";

type PermissionsTableProps = { contacts: ContactWithPermissions[]; actions: readonly ContactAction[] };

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** "Allowed" or "Denied", and the rule or role that decided, as Cerbos reported it. */
export function Decision({ permission, action }: { permission: ActionDecision; action: ContactAction | "share" }) {
  return (
    <span data-action={action} data-allowed={permission.allowed} className="decision">
      <span className="decision-badge">{permission.allowed ? "Allowed" : "Denied"}</span>
      <span className="decision-reason">{permission.reason}</span>
    </span>
  );
}

/** The contact's columns, then one per action. */
function columnsFor(actions: readonly ContactAction[]): string[] {
  return ["Contact", "Company", "Owner", "Private", "Shared", ...actions.map(capitalize)];
}

/** How the contact is shared with the viewer: the data beside the policy's reason ("shared with you as editor"). */
export function SharedWithYou({ role }: { role: ShareRole }) {
  return <span data-shared-with-you={role}>Shared with you ({role})</span>;
}

/**
 * What Cerbos decided for each visible contact and action: one table, a card per row on a phone. The explicit roles
 * keep the table's semantics when CSS changes its display (some browsers then drop them).
 */
export function PermissionsTable({ contacts, actions }: PermissionsTableProps) {
  return (
    <ResponsiveTable caption="Permissions" columns={columnsFor(actions)}>
      {contacts.map((contact) => (
        <tr role="row" key={contact.id} data-contact-id={contact.id} className="permissions-row">
          <th role="rowheader" scope="row" className="permissions-name">
            <Link href={paths.contactDetail(contact.id)} className="text-indigo-700 hover:underline">
              {contact.name}
            </Link>
          </th>
          <td role="cell" data-label="Company" className="permissions-detail">
            {contact.company ?? "—"}
          </td>
          <td role="cell" data-label="Owner" className="permissions-detail">
            {ownerLabel(contact)}
          </td>
          <td role="cell" data-label="Private" className="permissions-detail">
            {contact.isPrivate ? "Yes" : "No"}
          </td>
          <td role="cell" data-label="Shared" className="permissions-detail">
            {contact.sharedWithYou ? <SharedWithYou role={contact.sharedWithYou} /> : "—"}
          </td>
          {actions.map((action) => (
            <td role="cell" key={action} data-label={capitalize(action)} className="permissions-cell">
              <Decision permission={contact.permissions[action]} action={action} />
            </td>
          ))}
        </tr>
      ))}
    </ResponsiveTable>
  );
}
