import "server-only";

import { randomUUID } from "node:crypto";

import { callCerbos, getCerbos, type CerbosClient } from "@/lib/authz/cerbos-client";
import {
  CONTACT_ACTIONS,
  toContactResource,
  type ContactPolicyAction,
  type ContactRecord,
  type ContactResource,
} from "@/lib/authz/contact-resources";
import {
  decideAction,
  decideContactPermissions,
  type ActionDecision,
  type ContactPermissions,
  type DecisionSource,
} from "@/lib/authz/decision-reasons";
import { toRequestPrincipal, type ContactPrincipal } from "@/lib/authz/principal";

/** One CheckResources call about one resource; undefined when the answer says nothing about it (deny). */
async function checkResource(
  principal: ContactPrincipal,
  resource: ContactResource,
  actions: readonly ContactPolicyAction[],
  client: CerbosClient,
): Promise<DecisionSource | undefined> {
  const response = await callCerbos(client, (http, options) =>
    http.checkResources(
      {
        requestId: randomUUID(),
        principal: toRequestPrincipal(principal),
        resources: [{ resource: { ...resource, attr: { ...resource.attr } }, actions: [...actions] }],
        includeMetadata: true,
      },
      options,
    ),
  );
  // Matched by kind and id, as for batches: an answer about another resource decides nothing.
  return response.results.find((entry) => entry.resource.kind === resource.kind && entry.resource.id === resource.id);
}

/**
 * One action on one contact, with the reason: for `create` on proposed attributes
 * (toProposedContactResource) and for the state an update would leave behind. Throws
 * AuthorizationUnavailableError when the PDP cannot answer (callers deny, never guess).
 */
export async function explainContactAction(
  principal: ContactPrincipal,
  resource: ContactResource,
  action: ContactPolicyAction,
  client: CerbosClient = getCerbos(),
): Promise<ActionDecision> {
  return decideAction(await checkResource(principal, resource, [action], client), action);
}

/**
 * What the principal may do with one loaded contact (read, update, delete), and why: for a detail page and
 * right before a write. Throws AuthorizationUnavailableError as explainContactAction does.
 */
export async function checkContactPermissions(
  principal: ContactPrincipal,
  contact: Pick<ContactRecord, "id" | "owner" | "isPrivate">,
  client: CerbosClient = getCerbos(),
): Promise<ContactPermissions> {
  return decideContactPermissions(await checkResource(principal, toContactResource(contact), CONTACT_ACTIONS, client));
}
