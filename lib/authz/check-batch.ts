import "server-only";

import type { HTTP } from "@cerbos/http";

import { callCerbos, type CerbosClient, pdpRequestId } from "@/lib/authz/cerbos-client";
import type { ContactPolicyAction, ContactResource } from "@/lib/authz/contact-resources";
import { type CachedDecisions, decisionCacheKey } from "@/lib/authz/decision-cache";
import { decideAction } from "@/lib/authz/decision-reasons";
import { toPdpRequestJson, toPdpResponseJson } from "@/lib/authz/pdp-json";
import { toRequestPrincipal, type ContactPrincipal } from "@/lib/authz/principal";

type CheckResourcesRequest = Parameters<HTTP["checkResources"]>[0];
type CheckResourcesResponse = Awaited<ReturnType<HTTP["checkResources"]>>;
type CheckResourcesResult = CheckResourcesResponse["results"][number];

/** The PDP's default limit per CheckResources request (server.requestLimits.maxResourcesPerRequest). */
export const MAX_RESOURCES_PER_REQUEST = 50;

/** One resource and the actions to decide on it. */
export type CheckItem = { resource: ContactResource; actions: readonly ContactPolicyAction[] };

export type BatchCheck = {
  /** The CheckResources request(s) sent (JSON as the REST API takes it): null when none, an array when split. */
  request: unknown;
  /** The PDP's answer(s) in its JSON form (see pdp-json.ts), shaped like `request`. */
  response: unknown;
  /** One per item, in the order given, with a decision for each of its actions. */
  decisions: CachedDecisions[];
};

function splitIntoChunks<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

function oneOrMany(values: unknown[]): unknown {
  return values.length === 0 ? null : values.length === 1 ? values[0] : values;
}

/** Fails closed: an action the PDP did not answer for (or a missing result) is denied, as decideAction does. */
function decide(result: CheckResourcesResult | undefined, actions: readonly ContactPolicyAction[]): CachedDecisions {
  return Object.fromEntries(actions.map((action) => [action, decideAction(result, action)]));
}

/** Only a complete, valid answer is remembered: never one the PDP left out (NO_DECISION) or found invalid. */
function isCacheable(result: CheckResourcesResult | undefined, actions: readonly ContactPolicyAction[]): boolean {
  return (
    result !== undefined &&
    result.validationErrors.length === 0 &&
    actions.every((action) => result.isAllowed(action) !== undefined)
  );
}

async function askPdp(principal: ContactPrincipal, items: readonly CheckItem[], client: CerbosClient) {
  const requestId = await pdpRequestId(client);
  const requests: CheckResourcesRequest[] = splitIntoChunks(items, MAX_RESOURCES_PER_REQUEST).map((chunk) => ({
    requestId,
    principal: toRequestPrincipal(principal),
    resources: chunk.map(({ resource, actions }) => ({
      resource: { ...resource, attr: { ...resource.attr } },
      actions: [...actions],
    })),
    // The rule outputs carry the reasons; the metadata names the policy and derived roles when they do not.
    includeMetadata: true,
  }));
  // Chunks go together: one round trip however many there are. Any failure throws before anything is stored.
  const responses = await Promise.all(
    requests.map((request) => callCerbos(client, (http, options) => http.checkResources(request, options))),
  );
  const byKindAndId = new Map(
    responses.flatMap((response) => response.results).map((result) => [canonicalId(result.resource), result]),
  );
  return {
    request: oneOrMany(requests.map(toPdpRequestJson)),
    response: oneOrMany(responses.map(toPdpResponseJson)),
    // Matched by kind and id: an answer about another resource decides nothing.
    resultFor: (resource: ContactResource) => byKindAndId.get(canonicalId(resource)),
  };
}

const canonicalId = ({ kind, id }: { kind: string; id: string }) => JSON.stringify([kind, id]);

/**
 * Decides every item, from the caches where they hold the answer and otherwise in one round trip to the PDP, which
 * is asked once per distinct attribute combination (the first item with it stands for the others: their decisions
 * are the same by the cache key's construction). Without caches every item is asked as itself.
 * Throws AuthorizationUnavailableError if any call fails; nothing is stored then.
 */
export async function checkBatch(
  principal: ContactPrincipal,
  items: readonly CheckItem[],
  client: CerbosClient,
): Promise<BatchCheck> {
  if (new Set(items.map(({ resource }) => canonicalId(resource))).size !== items.length) {
    // Results are matched by id: two resources sharing one could receive each other's decision.
    throw new Error("checkBatch: resource ids must be unique");
  }
  const policy = client.caches?.policy();
  const cache = client.caches && policy?.cacheable ? { store: client.caches.decisions, policy } : undefined;
  const keys = items.map((item, index) =>
    cache ? decisionCacheKey(cache.policy, principal, item.resource, item.actions) : `#${index}`,
  );
  const known = new Map<string, CachedDecisions>();
  const missing = new Map<string, CheckItem>();
  items.forEach((item, index) => {
    const key = keys[index] ?? `#${index}`;
    const hit = cache?.store.get(key);
    if (hit) known.set(key, hit);
    else if (!missing.has(key)) missing.set(key, item);
  });
  const answer = missing.size > 0 ? await askPdp(principal, [...missing.values()], client) : undefined;
  for (const [key, item] of missing) {
    const result = answer?.resultFor(item.resource);
    const decided = decide(result, item.actions);
    known.set(key, decided);
    if (cache && isCacheable(result, item.actions)) cache.store.set(key, decided);
  }
  return {
    request: answer?.request ?? null,
    response: answer?.response ?? null,
    decisions: items.map((item, index) => known.get(keys[index] ?? `#${index}`) ?? decide(undefined, item.actions)),
  };
}
