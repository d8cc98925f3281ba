import "server-only";
import type { CurrentUser } from "@/lib/auth/current-user";
import { checkContactActions } from "@/lib/authz/check-contacts";
import type { ContactAction } from "@/lib/authz/contact-resources";
import { demoContactsFor } from "@/lib/authz/contact-resources";
import { principalFromIdentity } from "@/lib/authz/principal";

export type ContactWithPermissions = {
  id: string;
  name: string;
  owner: string;
  ownedByUser: boolean;
  actions: Record<ContactAction, boolean>;
};

export type ContactPermissions = {
  roles: string[];
  hasRoles: boolean;
  contacts: ContactWithPermissions[];
  /** What was sent to and received from the PDP, for the inspector. */
  cerbos: { request: unknown; response: unknown };
};

const DENY_ALL: Record<ContactAction, boolean> = { read: false, update: false, delete: false };

/**
 * The contacts the user may see, each with what Cerbos allows on it. Throws AuthorizationUnavailableError when
 * the PDP cannot answer: callers show 503, never a guess.
 */
export async function getContactPermissions(user: CurrentUser): Promise<ContactPermissions> {
  const { principal, hasRoles } = principalFromIdentity({ sub: user.sub, groups: user.groups, email: user.email, username: user.username });
  const contacts = demoContactsFor(user.sub);
  const check = await checkContactActions(principal, contacts);
  const decisions = new Map(check.decisions.map((d) => [d.contactId, d.actions]));
  return {
    roles: principal.roles,
    hasRoles,
    contacts: contacts.map((contact) => ({
      ...contact,
      ownedByUser: contact.owner === user.sub,
      actions: decisions.get(contact.id) ?? DENY_ALL,
    })),
    cerbos: { request: check.request, response: check.response },
  };
}
