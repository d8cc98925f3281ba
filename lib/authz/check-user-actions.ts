import "server-only";

import { callCerbos, type CerbosClient, pdpRequestId, withoutCaches } from "@/lib/authz/cerbos-client";
import { MAX_RESOURCES_PER_REQUEST } from "@/lib/authz/check-batch";
import { type ActionDecision, decideAction } from "@/lib/authz/decision-reasons";
import { toRequestPrincipal, type ContactPrincipal } from "@/lib/authz/principal";
import { type ManagedUser, USER_ACTIONS, type UserAction, USER_KIND, userResource } from "@/lib/authz/user-resources";

/** What the principal may do to one pool user, action by action, with the policy's reason. */
export type UserPermissions = Record<UserAction, ActionDecision>;

/**
 * One batch check of `user` resources (cerbos/policies/user.yaml) for every console action, asked of the PDP
 * every time: the decision caches key by attributes that a role change or a recount would make stale, and these
 * decisions gate changes to who administers the pool. Fails closed (decideAction): a missing answer denies.
 * `enabledAdmins` is the pool's count, taken right before; a change recounts under its lock.
 * Throws AuthorizationUnavailableError when the PDP cannot answer.
 */
export async function checkUserActions(
  principal: ContactPrincipal,
  users: readonly ManagedUser[],
  enabledAdmins: number,
  client: CerbosClient,
  actions: readonly UserAction[] = USER_ACTIONS,
): Promise<UserPermissions[]> {
  if (users.length === 0) return [];
  if (new Set(users.map((user) => user.sub)).size !== users.length) {
    // Results are matched by id: two entries for one user could receive each other's decision.
    throw new Error("checkUserActions: users must be unique");
  }
  const pdp = withoutCaches(client);
  const requestId = await pdpRequestId(pdp);
  const chunks: ManagedUser[][] = [];
  for (let start = 0; start < users.length; start += MAX_RESOURCES_PER_REQUEST) {
    chunks.push(users.slice(start, start + MAX_RESOURCES_PER_REQUEST));
  }
  const responses = await Promise.all(
    chunks.map((chunk) =>
      callCerbos(pdp, (http, options) =>
        http.checkResources(
          {
            requestId,
            principal: toRequestPrincipal(principal),
            resources: chunk.map((user) => ({ resource: userResource(user, enabledAdmins), actions: [...actions] })),
            includeMetadata: true,
          },
          options,
        ),
      ),
    ),
  );
  const results = responses.flatMap((response) => response.results);
  return users.map((user) => {
    const result = results.find((entry) => entry.resource.kind === USER_KIND && entry.resource.id === user.sub);
    // Every action of the console, decided or not: one the caller did not ask about is denied.
    return Object.fromEntries(USER_ACTIONS.map((action) => [action, decideAction(result, action)])) as UserPermissions;
  });
}

/** The console itself as a `user` resource: `view` on it is whether the principal may see the pool's users at all. */
const CONSOLE_RESOURCE = { sub: "", groups: [], enabled: false } satisfies ManagedUser;

/**
 * Whether the principal may use the admin console (`view` on the user kind): the page answers 404 and every action
 * refuses before asking Cognito anything when not. Always asked of the PDP; only an explicit ALLOW counts.
 */
export async function canViewUsers(principal: ContactPrincipal, client: CerbosClient): Promise<boolean> {
  const request = {
    requestId: await pdpRequestId(client),
    principal: toRequestPrincipal(principal),
    resource: { ...userResource(CONSOLE_RESOURCE, 0), id: "console" },
    actions: ["view"],
  };
  const result = await callCerbos(withoutCaches(client), (http, options) => http.checkResource(request, options));
  return result.isAllowed("view") === true;
}
