import "server-only";
import type { CurrentUser } from "@/lib/auth/current-user";
import { type CerbosClient, withRequestDeadline } from "@/lib/authz/cerbos-client";
import { checkContactActions, type ContactCheck } from "@/lib/authz/check-contacts";
import { explainContactAction } from "@/lib/authz/check-contact-action";
import { CONTACT_PLAN_COLUMNS } from "@/lib/authz/contact-plan-columns";
import { type ContactAction, toProposedContactResource } from "@/lib/authz/contact-resources";
import { planContactAccess } from "@/lib/authz/plan-contacts";
import { planToSql } from "@/lib/authz/plan-to-sql";
import { type ContactPrincipal, principalFromIdentity } from "@/lib/authz/principal";
import { getReadyDb } from "@/lib/db/migrate";
import { contactIdSchema } from "@/lib/contacts/contact-input";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "@/lib/contacts/list-limits";
import { findContactById, findContactPage } from "@/lib/contacts/contact-store";
import { type ContactView, toContactView } from "@/lib/contacts/contact-view";

export type Permission = { allowed: boolean; reason: string };
export type ContactPermissions = Record<ContactAction, Permission>;
export type ContactWithPermissions = ContactView & { permissions: ContactPermissions };

export type ContactListQuery = { search?: string; page?: number; pageSize?: number };

export type ContactList = {
  contacts: ContactWithPermissions[];
  total: number;
  page: number;
  pageSize: number;
  roles: string[];
  hasRoles: boolean;
  canCreate: Permission;
  /** For the inspector: what Cerbos was asked and said, and the SQL filter the plan became. */
  inspector: {
    plan: { request: unknown; response: unknown; filter: string };
    check: { request: unknown; response: unknown };
  };
};

function permissionsFrom(check: ContactCheck, id: string): ContactPermissions {
  const decision = check.decisions.find((d) => d.contactId === id);
  const of = (action: ContactAction): Permission => ({
    allowed: decision?.actions[action] ?? false,
    reason: decision?.reasons[action] ?? "no decision",
  });
  return { read: of("read"), update: of("update"), delete: of("delete") };
}

/**
 * The contacts the user may read, filtered in the database by Cerbos's query plan (never fetched and then
 * filtered), searched and paginated in the same query; then one batched check for what they may do with each.
 * All its PDP calls share one deadline (CERBOS_TIMEOUT_MS from the start of the request).
 * Throws AuthorizationUnavailableError / DatabaseUnavailableError / UnsupportedPlanError: callers fail closed.
 */
export async function listContactsForUser(user: CurrentUser, query: ContactListQuery): Promise<ContactList> {
  const cerbos = withRequestDeadline();
  const { principal, hasRoles } = principalFromIdentity(user);
  const pageSize = Math.min(Math.max(query.pageSize ?? DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE);
  const page = Math.max(query.page ?? 1, 1);
  const search = query.search?.trim().slice(0, 100) || undefined;
  const [plan, db] = await Promise.all([planContactAccess(principal, "read", cerbos), getReadyDb()]);
  const filter = planToSql(plan.plan, CONTACT_PLAN_COLUMNS);
  const { rows, total } =
    filter.kind === "none"
      ? { rows: [], total: 0 }
      : await findContactPage(db, {
          filter: filter.kind === "where" ? filter.where : undefined,
          search,
          limit: pageSize,
          offset: (page - 1) * pageSize,
        });
  const [check, canCreate] = await Promise.all([
    checkContactActions(principal, rows, cerbos),
    explainCreate(principal, cerbos),
  ]);
  return {
    contacts: rows.map((row) => ({ ...toContactView(row, user.sub), permissions: permissionsFrom(check, row.id) })),
    total,
    page,
    pageSize,
    roles: principal.roles,
    hasRoles,
    canCreate,
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
  };
}

function explainCreate(principal: ContactPrincipal, cerbos?: CerbosClient): Promise<Permission> {
  return explainContactAction(
    principal,
    toProposedContactResource({ owner: principal.id, isPrivate: false }),
    "create",
    cerbos,
  );
}

/** Whether the user may create a contact (of their own), and why: the new-contact page asks before showing its form. */
export async function canCreateContact(user: CurrentUser): Promise<Permission> {
  return explainCreate(principalFromIdentity(user).principal);
}

/** One contact with its permissions, or null when it does not exist or the user may not read it (both 404). */
export async function getContactForUser(user: CurrentUser, id: string): Promise<ContactWithPermissions | null> {
  if (!contactIdSchema.safeParse(id).success) return null;
  const cerbos = withRequestDeadline();
  const row = await findContactById(await getReadyDb(), id);
  if (!row) return null;
  const check = await checkContactActions(principalFromIdentity(user).principal, [row], cerbos);
  const permissions = permissionsFrom(check, row.id);
  return permissions.read.allowed ? { ...toContactView(row, user.sub), permissions } : null;
}
