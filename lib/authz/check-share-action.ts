import "server-only";

import { callCerbos, getCerbos, pdpRequestId, type CerbosClient } from "@/lib/authz/cerbos-client";
import type { ContactResource } from "@/lib/authz/contact-resources";
import { decideAction, type ActionDecision } from "@/lib/authz/decision-reasons";
import { toRequestPrincipal, type ContactPrincipal } from "@/lib/authz/principal";

/** Whether the principal may read one contact (a 404 otherwise) and share it (a 403 otherwise), and why. */
export type ShareAccess = { read: ActionDecision; share: ActionDecision };

/**
 * Asks the PDP about `read` and `share` on one loaded contact, whose resource must carry its real share lists, in
 * one call. Never from the decision caches: it decides who may change access itself (and the Sharing section, which
 * shows exactly what a write would be allowed). Fails closed: an action the PDP left out is denied; no answer throws
 * AuthorizationUnavailableError.
 */
export async function checkShareAccess(
  principal: ContactPrincipal,
  resource: ContactResource,
  client: CerbosClient = getCerbos(),
): Promise<ShareAccess> {
  const requestId = await pdpRequestId(client);
  const result = await callCerbos(client, (http, options) =>
    http.checkResource(
      {
        requestId,
        principal: toRequestPrincipal(principal),
        resource: { ...resource, attr: { ...resource.attr } },
        actions: ["read", "share"],
        includeMetadata: true,
      },
      options,
    ),
  );
  return { read: decideAction(result, "read"), share: decideAction(result, "share") };
}
