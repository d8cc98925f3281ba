import "server-only";

import { randomUUID } from "node:crypto";

import { callCerbos, getCerbos, type CerbosClient } from "@/lib/authz/cerbos-client";
import type { ContactPolicyAction, ContactResource } from "@/lib/authz/contact-resources";
import { decideAction, type ActionDecision } from "@/lib/authz/decision-reasons";
import { toRequestPrincipal, type ContactPrincipal } from "@/lib/authz/principal";

/**
 * One action on one contact, with the reason: for `create` on proposed attributes
 * (toProposedContactResource) and for a loaded record right before a write. Throws
 * AuthorizationUnavailableError when the PDP cannot answer (callers deny, never guess).
 */
export async function explainContactAction(
  principal: ContactPrincipal,
  resource: ContactResource,
  action: ContactPolicyAction,
  client: CerbosClient = getCerbos(),
): Promise<ActionDecision> {
  const response = await callCerbos(client, (http, options) =>
    http.checkResources(
      {
        requestId: randomUUID(),
        principal: toRequestPrincipal(principal),
        resources: [{ resource: { ...resource, attr: { ...resource.attr } }, actions: [action] }],
        includeMetadata: true,
      },
      options,
    ),
  );
  // Matched by kind and id, as for batches: an answer about another resource decides nothing.
  const result = response.results.find(
    (entry) => entry.resource.kind === resource.kind && entry.resource.id === resource.id,
  );
  return decideAction(result, action);
}

/** {@link explainContactAction} when only the answer matters. */
export async function checkContactAction(
  principal: ContactPrincipal,
  resource: ContactResource,
  action: ContactPolicyAction,
  client: CerbosClient = getCerbos(),
): Promise<boolean> {
  return (await explainContactAction(principal, resource, action, client)).allowed;
}
