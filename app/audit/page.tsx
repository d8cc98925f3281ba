import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AdminActionsTable } from "@/app/_components/admin-actions-table";
import { DecisionsTable } from "@/app/_components/decisions-table";
import { loadAdminActions } from "@/lib/admin/admin-actions-view";
import { ADMIN_ACTIONS_SHOWN } from "@/lib/admin/admin-action-record";
import { requireUser } from "@/lib/auth/current-user";
import { loadAuditLog } from "@/lib/audit/audit-log-view";
import { loadOrUnavailable } from "@/lib/pages/load-or-unavailable";
import { paths } from "@/lib/paths";

export const metadata: Metadata = { title: "Audit" };

/** Admins only (cerbos/policies/audit_log.yaml); anyone else gets the 404 of an address that does not exist. */
export default async function AuditPage() {
  const user = await requireUser(paths.audit);
  const view = await loadOrUnavailable(() => loadAuditLog(user), paths.audit, user);
  if (view.status === "forbidden") notFound();
  const adminActions = await loadOrUnavailable(() => loadAdminActions(user), paths.audit, user);
  if (adminActions === null) notFound();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Audit</h1>
      <p className="text-sm text-slate-600">
        What the authorization service (Cerbos) decided, newest first, read from its own decision log. Each row is one
        action on one resource; a query plan (how a list is filtered) is shown against every resource of its kind. The
        request id is the one on the app&apos;s response (X-Request-Id) and in its log. Lists and contact pages may
        reuse a recent decision from the app&apos;s decision caches: such a reuse asks nothing, so it is not here.
      </p>
      {view.status === "not-configured" ? (
        <p role="status" className="rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900">
          This app has not been told where the PDP writes its decision log (CERBOS_AUDIT_LOG_PATH), so it cannot show
          it. A PDP on another machine writes its log there: ship that file (or Cerbos&apos; Kafka or Hub audit backend)
          to your log platform and read the decisions there.
        </p>
      ) : (
        <>
          <p className="text-sm text-slate-600">
            The {view.entries.length === view.limit ? `latest ${view.limit}` : view.entries.length} decisions
            {view.skipped > 0 ? ` (${view.skipped} lines of the log were not decisions and are left out)` : ""}.
          </p>
          {view.entries.length > 0 ? (
            <DecisionsTable entries={view.entries} />
          ) : (
            <p role="status" className="text-sm text-slate-600">
              No decisions yet.
            </p>
          )}
        </>
      )}
      <section aria-labelledby="admin-actions" className="space-y-3">
        <h2 id="admin-actions" className="text-lg font-semibold">
          Admin actions
        </h2>
        <p className="text-sm text-slate-600">
          What admins did to users from the Users page, newest first (the latest {ADMIN_ACTIONS_SHOWN}): refused and
          failed attempts too. The request id leads to the same request in the app&apos;s log and in the decisions
          above.
        </p>
        {adminActions.length > 0 ? (
          <AdminActionsTable rows={adminActions} />
        ) : (
          <p role="status" className="text-sm text-slate-600">
            No admin actions yet.
          </p>
        )}
      </section>
    </div>
  );
}
