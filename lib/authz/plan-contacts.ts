import "server-only";

import type { PlanResourcesRequestWithActions } from "@cerbos/core";

import { callCerbos, getCerbos, type CerbosClient, pdpRequestId } from "@/lib/authz/cerbos-client";
import { CONTACT_KIND, type ContactPolicyAction } from "@/lib/authz/contact-resources";
import { planCacheKey } from "@/lib/authz/decision-cache";
import { toPdpRequestJson, toPlanResponseJson } from "@/lib/authz/pdp-json";
import type { PlanFilter } from "@/lib/authz/plan-to-sql";
import { toRequestPrincipal, type ContactPrincipal } from "@/lib/authz/principal";

export type ContactPlan = {
  /** The PlanResources request body as the REST API takes it (paste it into `curl`). */
  request: unknown;
  /** The PDP's answer in its JSON form (see pdp-json.ts). */
  response: unknown;
  /** What to filter contacts by: hand it to planToSql with CONTACT_PLAN_COLUMNS. */
  plan: PlanFilter;
};

/**
 * Asks the PDP which contacts the principal may perform `action` on, as a condition over contact
 * attributes rather than a list, so the database can do the filtering. Answers from the client's plan cache when it
 * holds this exact question (see decision-cache.ts; a cached answer's request/response are those first sent).
 * Throws AuthorizationUnavailableError when the PDP cannot answer; errors and invalid answers are never cached.
 */
export async function planContactAccess(
  principal: ContactPrincipal,
  action: ContactPolicyAction,
  client: CerbosClient = getCerbos(),
): Promise<ContactPlan> {
  const request: PlanResourcesRequestWithActions = {
    requestId: await pdpRequestId(client),
    principal: toRequestPrincipal(principal),
    resource: { kind: CONTACT_KIND },
    actions: [action],
    includeMetadata: true,
  };
  const policy = client.caches?.policy();
  const key = policy?.cacheable ? planCacheKey(policy.fingerprint, principal, CONTACT_KIND, action) : undefined;
  const cached = key === undefined ? undefined : client.caches?.plans.get(key);
  if (cached) return cached;

  const response = await callCerbos(client, (http, options) => http.planResources(request, options));
  const answer: ContactPlan = {
    request: toPdpRequestJson(request),
    response: toPlanResponseJson(request, response),
    plan: "condition" in response ? { kind: response.kind, condition: response.condition } : { kind: response.kind },
  };
  if (key !== undefined && response.validationErrors.length === 0) client.caches?.plans.set(key, answer);
  return answer;
}
