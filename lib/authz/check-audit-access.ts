import "server-only";

import { callCerbos, type CerbosClient, getCerbos, pdpRequestId } from "@/lib/authz/cerbos-client";
import { toRequestPrincipal, type ContactPrincipal } from "@/lib/authz/principal";

/** cerbos/policies/audit_log.yaml: the PDP's decision log, as one resource. */
export const AUDIT_LOG_KIND = "audit_log";
export const DECISION_LOG_ID = "decision-log";

/**
 * Whether the principal may view the PDP's decision log (the Audit page). Always asks the PDP, never the decision
 * caches: the page is rare and shows everyone's decisions. Only an explicit ALLOW counts; a missing answer denies.
 * Throws AuthorizationUnavailableError when the PDP cannot answer.
 */
export async function canViewAuditLog(principal: ContactPrincipal, client: CerbosClient = getCerbos()) {
  const request = {
    requestId: await pdpRequestId(client),
    principal: toRequestPrincipal(principal),
    resource: { kind: AUDIT_LOG_KIND, id: DECISION_LOG_ID },
    actions: ["view"],
  };
  const result = await callCerbos(client, (http, options) => http.checkResource(request, options));
  return result.isAllowed("view") === true;
}
