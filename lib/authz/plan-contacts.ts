import "server-only";

import { randomUUID } from "node:crypto";

import type { PlanResourcesRequestWithActions } from "@cerbos/core";

import { callCerbos, getCerbos, type CerbosClient } from "@/lib/authz/cerbos-client";
import { CONTACT_KIND, type ContactPolicyAction } from "@/lib/authz/contact-resources";
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
 * attributes rather than a list, so the database can do the filtering. Throws
 * AuthorizationUnavailableError when the PDP cannot answer.
 */
export async function planContactAccess(
  principal: ContactPrincipal,
  action: ContactPolicyAction,
  client: CerbosClient = getCerbos(),
): Promise<ContactPlan> {
  const request: PlanResourcesRequestWithActions = {
    requestId: randomUUID(),
    principal: toRequestPrincipal(principal),
    resource: { kind: CONTACT_KIND },
    actions: [action],
    includeMetadata: true,
  };
  const response = await callCerbos(client, (http, options) => http.planResources(request, options));
  return {
    request: toPdpRequestJson(request),
    response: toPlanResponseJson(request, response),
    plan: "condition" in response ? { kind: response.kind, condition: response.condition } : { kind: response.kind },
  };
}
