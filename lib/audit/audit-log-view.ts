import "server-only";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { DecisionEntry } from "@/lib/audit/decision-log";
import { DECISION_LOG_MAX_ENTRIES, readDecisionLog } from "@/lib/audit/read-decision-log";
import { canViewAuditLog } from "@/lib/authz/check-audit-access";
import { withRequestDeadline } from "@/lib/authz/cerbos-client";
import { principalFromIdentity } from "@/lib/authz/principal";
import { getEnv } from "@/lib/env";

export type AuditLogView =
  | { status: "forbidden" }
  | { status: "not-configured" }
  | { status: "ok"; entries: DecisionEntry[]; skipped: number; limit: number };

/**
 * The Audit page's data: Cerbos decides whether the user may view the decision log (audit_log "view"), then its
 * newest decisions are read from where the PDP writes them (CERBOS_AUDIT_LOG_PATH).
 *
 * Why the PDP's own log rather than a table the app writes: it is the record of what the PDP decided, written by
 * the PDP, including calls the app did not make or did not finish (a crashed request, another client of the same
 * PDP); it costs the request path nothing (no extra write per decision, no table to migrate, trim or protect); and
 * in production the same file goes to a log pipeline (Cerbos' file, Kafka or Hub backends) rather than into the
 * app's database. The price: the app can show it only when it can read the PDP's file (the same machine or a shared
 * volume); a remote PDP's log is read where it is shipped. Decisions the app answered from its caches made no PDP
 * call, so they are not in it.
 *
 * Throws AuthorizationUnavailableError (the PDP) or AuditLogUnavailableError (the file): both are a 503.
 */
export async function loadAuditLog(user: CurrentUser): Promise<AuditLogView> {
  const { principal } = principalFromIdentity(user);
  if (!(await canViewAuditLog(principal, withRequestDeadline()))) return { status: "forbidden" };
  const file = getEnv().CERBOS_AUDIT_LOG_PATH;
  if (!file) return { status: "not-configured" };
  const { entries, skipped } = await readDecisionLog(file, DECISION_LOG_MAX_ENTRIES);
  return { status: "ok", entries, skipped, limit: DECISION_LOG_MAX_ENTRIES };
}
