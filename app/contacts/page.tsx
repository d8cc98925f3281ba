import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Inspector } from "@/app/_components/inspector";
import { PermissionsTable } from "@/app/_components/permissions-table";
import { UserBar } from "@/app/_components/user-bar";
import { requireUser } from "@/lib/auth/current-user";
import { AuthorizationUnavailableError } from "@/lib/authz/cerbos-client";
import { CONTACT_ACTIONS } from "@/lib/authz/contact-resources";
import { type ContactPermissions, getContactPermissions } from "@/lib/contacts/contact-permissions";
import { paths } from "@/lib/paths";

export const metadata: Metadata = { title: "Contacts" };

async function loadPermissions(...args: Parameters<typeof getContactPermissions>): Promise<ContactPermissions | null> {
  try {
    return await getContactPermissions(...args);
  } catch (error) {
    if (error instanceof AuthorizationUnavailableError) return null;
    throw error;
  }
}

export default async function ContactsPage() {
  const user = await requireUser(paths.contacts);
  const permissions = await loadPermissions(user);
  // Fail closed: without an answer from Cerbos nothing is shown, and the answer is a real 503.
  if (!permissions) redirect(`${paths.unavailable}?reason=cerbos&returnTo=${encodeURIComponent(paths.contacts)}`);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Contacts</h1>
      <UserBar email={user.email} username={user.username} roles={permissions.roles} via={user.via} />
      {permissions.hasRoles ? null : (
        <p role="status" className="rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900">
          You are not in any Cognito group, so you have no roles: Cerbos allows you nothing on any contact.
        </p>
      )}
      <PermissionsTable rows={permissions.contacts.map(({ id, name, ownedByUser, actions }) => ({ id, name, ownedByUser, actions }))} actions={CONTACT_ACTIONS} />
      <Inspector claims={user.claims} cerbosRequest={permissions.cerbos.request} cerbosResponse={permissions.cerbos.response} />
    </div>
  );
}
