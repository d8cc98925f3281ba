import "server-only";
import type { CurrentUser } from "@/lib/auth/current-user";
import { type CerbosClient, getCerbos, withoutCaches, withRequestDeadline } from "@/lib/authz/cerbos-client";
import { checkContactActions } from "@/lib/authz/check-contacts";
import { checkContactPermissions, explainContactAction } from "@/lib/authz/check-contact-action";
import { CONTACT_PLAN_COLUMNS } from "@/lib/authz/contact-plan-columns";
import { noShares, type ShareLists, toProposedContactResource } from "@/lib/authz/contact-resources";
import type { ActionDecision, ContactPermissions } from "@/lib/authz/decision-reasons";
import { planContactAccess } from "@/lib/authz/plan-contacts";
import { planToSql } from "@/lib/authz/plan-to-sql";
import { type ContactPrincipal, principalFromIdentity } from "@/lib/authz/principal";
import { getReadyDb } from "@/lib/db/migrate";
import { contactIdSchema } from "@/lib/contacts/contact-input";
import { shareListsFor, type ShareRole } from "@/lib/contacts/contact-shares";
import { findContactPage, findContactWithShares } from "@/lib/contacts/contact-store";
import { type ContactView, toContactView } from "@/lib/contacts/contact-view";
import { type ListQuery, listQuerySchema } from "@/lib/contacts/list-query";

export type ContactWithPermissions = ContactView & {
  permissions: ContactPermissions;
  /**
   * How the contact is shared with the user, from the shares table (data, not a decision): the table shows it beside
   * the decisions, as it shows the owner and the privacy flag the policy decided on. Null when it is not.
   */
  sharedWithYou: ShareRole | null;
};

function sharedRoleOf(shares: ShareLists, sub: string): ShareRole | null {
  return shares.editors.includes(sub) ? "editor" : shares.viewers.includes(sub) ? "viewer" : null;
}

export type ContactList = {
  contacts: ContactWithPermissions[];
  total: number;
  /** False when counting stopped at a cap: at least `total` contacts match, and more than this page shows. */
  totalExact: boolean;
  page: number;
  pageSize: number;
  roles: string[];
  hasRoles: boolean;
  /** Whether the user may create a contact, and why: only when asked for (`withCreate`). */
  canCreate?: ActionDecision;
  /** For the inspector (only with `inspect`): what Cerbos was asked and said, and the SQL filter the plan became. */
  inspector?: {
    plan: { request: unknown; response: unknown; filter: string };
    check: { request: unknown; response: unknown };
  };
};

export type ListOptions = {
  /** Also decide `create` on the proposed new contact, in the same batch as the rows (the page's "New contact"). */
  withCreate?: boolean;
  /** Ask the PDP afresh, past the caches, and return what was sent and answered (the inspector shows real calls). */
  inspect?: boolean;
};

/**
 * The contacts the user may read, filtered in the database by Cerbos's query plan (never fetched and then
 * filtered), searched and paginated in the same query; then one batched check for what they may do with each.
 * Plans and decisions may come from the decision caches (lib/authz/decision-cache.ts), except with `inspect`.
 * All its PDP calls share one deadline (CERBOS_TIMEOUT_MS from the start of the request).
 * Throws AuthorizationUnavailableError / DatabaseUnavailableError / UnsupportedPlanError: callers fail closed.
 */
export async function listContactsForUser(
  user: CurrentUser,
  query: Partial<ListQuery>,
  { withCreate = false, inspect = false }: ListOptions = {},
): Promise<ContactList> {
  const cerbos = withRequestDeadline(inspect ? withoutCaches(getCerbos()) : getCerbos());
  const { principal, hasRoles } = principalFromIdentity(user);
  // The same bounds as the page's and the API's: a value they would refuse is a bug here, not a bigger page.
  const { q: search, page, pageSize } = listQuerySchema.parse(query);
  const [plan, db] = await Promise.all([planContactAccess(principal, "read", cerbos), getReadyDb()]);
  const filter = planToSql(plan.plan, CONTACT_PLAN_COLUMNS);
  const { rows, total, totalExact } =
    filter.kind === "none"
      ? { rows: [], total: 0, totalExact: true }
      : await findContactPage(db, {
          filter: filter.kind === "where" ? filter.where : undefined,
          search,
          limit: pageSize,
          offset: (page - 1) * pageSize,
        });
  // One query for the whole page: each row is checked with the shares its list filter (the plan's EXISTS) saw.
  const shares = await shareListsFor(
    db,
    rows.map((row) => row.id),
  );
  const shared = rows.map((row) => ({ ...row, shares: shares.get(row.id) ?? noShares() }));
  const create = withCreate ? { create: proposedContact(principal) } : {};
  const check = await checkContactActions(principal, shared, cerbos, create);
  return {
    contacts: check.contacts.map(({ contact, permissions }) => ({
      ...toContactView(contact, user.sub),
      permissions,
      sharedWithYou: sharedRoleOf(contact.shares, user.sub),
    })),
    total,
    totalExact,
    page,
    pageSize,
    roles: principal.roles,
    hasRoles,
    ...(check.create && { canCreate: check.create }),
    ...(inspect && {
      inspector: {
        plan: {
          request: plan.request,
          response: plan.response,
          filter:
            filter.kind === "where"
              ? filter.text
              : filter.kind === "all"
                ? "(no filter: every contact)"
                : "(nothing: no query is run)",
        },
        check: { request: check.request, response: check.response },
      },
    }),
  };
}

/** The contact a "New contact" link would lead to creating: the user's own, public (the form's default), unshared. */
const proposedContact = (principal: ContactPrincipal) =>
  toProposedContactResource({ owner: principal.id, isPrivate: false, shares: noShares() });

function explainCreate(principal: ContactPrincipal, cerbos?: CerbosClient): Promise<ActionDecision> {
  return explainContactAction(principal, proposedContact(principal), "create", cerbos);
}

/** Whether the user may create a contact (of their own), and why: the new-contact page asks before showing its form. */
export async function canCreateContact(user: CurrentUser): Promise<ActionDecision> {
  return explainCreate(principalFromIdentity(user).principal);
}

/** One contact with its permissions, or null when it does not exist or the user may not read it (both 404). */
export async function getContactForUser(user: CurrentUser, id: string): Promise<ContactWithPermissions | null> {
  if (!contactIdSchema.safeParse(id).success) return null;
  const cerbos = withRequestDeadline();
  const row = await findContactWithShares(await getReadyDb(), id);
  if (!row) return null;
  const permissions = await checkContactPermissions(principalFromIdentity(user).principal, row, cerbos);
  if (!permissions.read.allowed) return null;
  return { ...toContactView(row, user.sub), permissions, sharedWithYou: sharedRoleOf(row.shares, user.sub) };
}
