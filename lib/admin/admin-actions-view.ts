import "server-only";
import { listRecentAdminActions } from "@/lib/admin/admin-action-record";
import type { CurrentUser } from "@/lib/auth/current-user";
import { canViewAuditLog } from "@/lib/authz/check-audit-access";
import { withRequestDeadline } from "@/lib/authz/cerbos-client";
import { principalFromIdentity } from "@/lib/authz/principal";
import { getReadyDb } from "@/lib/db/migrate";
import type { AdminActionRow } from "@/lib/db/schema";

/**
 * The Audit page's "Admin actions": the newest admin_actions rows, for whoever Cerbos lets view the audit log (the
 * same decision as the page's, asked again here so this module never returns rows on someone else's say-so).
 * Null when not allowed. Throws AuthorizationUnavailableError or DatabaseUnavailableError (503).
 */
export async function loadAdminActions(user: CurrentUser): Promise<AdminActionRow[] | null> {
  const { principal } = principalFromIdentity(user);
  if (!(await canViewAuditLog(principal, withRequestDeadline()))) return null;
  return listRecentAdminActions(await getReadyDb());
}
