import "server-only";

import { getCerbos, type CerbosClient } from "@/lib/authz/cerbos-client";
import { checkBatch } from "@/lib/authz/check-batch";
import {
  CONTACT_ACTIONS,
  toContactResource,
  type ContactPolicyAction,
  type ContactRecord,
  type ContactResource,
} from "@/lib/authz/contact-resources";
import { decideAction, type ActionDecision, type ContactPermissions } from "@/lib/authz/decision-reasons";
import type { ContactPrincipal } from "@/lib/authz/principal";

/** One CheckResources question about one resource (or its cached answer); fails closed on what the PDP left out. */
async function checkResource(
  principal: ContactPrincipal,
  resource: ContactResource,
  actions: readonly ContactPolicyAction[],
  client: CerbosClient,
) {
  const [decided = {}] = (await checkBatch(principal, [{ resource, actions }], client)).decisions;
  return (action: ContactPolicyAction): ActionDecision => decided[action] ?? decideAction(undefined, action);
}

/**
 * One action on one contact, with the reason: for `create` on proposed attributes
 * (toProposedContactResource) and for the state an update would leave behind. Throws
 * AuthorizationUnavailableError when the PDP cannot answer (callers deny, never guess).
 * A client with caches may answer from them: writes pass one without (withoutCaches), see guarded-mutation.ts.
 */
export async function explainContactAction(
  principal: ContactPrincipal,
  resource: ContactResource,
  action: ContactPolicyAction,
  client: CerbosClient = getCerbos(),
): Promise<ActionDecision> {
  return (await checkResource(principal, resource, [action], client))(action);
}

/**
 * What the principal may do with one loaded contact (read, update, delete), and why: for a detail page and
 * right before a write. Throws AuthorizationUnavailableError as explainContactAction does.
 */
export async function checkContactPermissions(
  principal: ContactPrincipal,
  contact: Pick<ContactRecord, "id" | "owner" | "isPrivate" | "shares">,
  client: CerbosClient = getCerbos(),
): Promise<ContactPermissions> {
  const decide = await checkResource(principal, toContactResource(contact), CONTACT_ACTIONS, client);
  return { read: decide("read"), update: decide("update"), delete: decide("delete") };
}
