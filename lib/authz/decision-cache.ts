import "server-only";

import { LRUCache } from "lru-cache";

import type { ContactPolicyAction, ContactResource } from "@/lib/authz/contact-resources";
import type { ActionDecision } from "@/lib/authz/decision-reasons";
import { type PolicyState, watchPolicyState } from "@/lib/authz/policy-fingerprint";
import type { PlanFilter } from "@/lib/authz/plan-to-sql";
import type { ContactPrincipal } from "@/lib/authz/principal";

/**
 * Short-lived memory of what the PDP said: query plans per principal, and row decisions per principal and resource
 * attributes. Safe to be briefly stale only because every key holds everything the PDP would be sent (principal id,
 * roles in order, attributes; resource kind and attributes; actions) plus the fingerprint of the policies the app is
 * deployed with: a new token with other groups, another user or a policy edit never reads an old entry.
 *
 * The one trade-off: a policy change on a PDP whose sources this app does not see (another folder, a remote store)
 * changes no fingerprint, so it applies within the TTL (CERBOS_CACHE_TTL_MS, 0 turns the caches off).
 * What is never stored: errors and timeouts (they throw before anything is stored), answers with validation errors,
 * and decisions the PDP left out (NO_DECISION). Policies that use time are never cached (policy-fingerprint.ts).
 */
export type CachedPlan = { request: unknown; response: unknown; plan: PlanFilter };
export type CachedDecisions = Partial<Record<ContactPolicyAction, ActionDecision>>;

export type DecisionCaches = {
  /** The policies as last read (at most about once a second); not cacheable → every call asks the PDP. */
  policy(): PolicyState;
  plans: LRUCache<string, CachedPlan>;
  decisions: LRUCache<string, CachedDecisions>;
};

export type DecisionCacheSettings = { ttlMs: number; maxEntries: number; policyDir: string };

/** undefined when the TTL is 0: the caches are off. */
export function createDecisionCaches(
  { ttlMs, maxEntries, policyDir }: DecisionCacheSettings,
  policy: () => PolicyState = watchPolicyState(policyDir),
): DecisionCaches | undefined {
  if (ttlMs <= 0) return undefined;
  // Bounded in entries and in time: no entry outlives the TTL, however often it is read.
  const options = { max: maxEntries, ttl: ttlMs, updateAgeOnGet: false };
  return { policy, plans: new LRUCache(options), decisions: new LRUCache(options) };
}

/**
 * JSON with object keys sorted, so equal requests give equal keys; arrays keep their order (the order of roles
 * changes which rule's reason the PDP reports); undefined is left out, as it is from the request body.
 * Hand-written: a JSON.stringify replacer does it, no package needed.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, entry: unknown) =>
    entry !== null && typeof entry === "object" && !Array.isArray(entry)
      ? Object.fromEntries(Object.entries(entry).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : entry,
  );
}

export function planCacheKey(
  fingerprint: string,
  principal: ContactPrincipal,
  kind: string,
  action: ContactPolicyAction,
): string {
  return canonicalJson(["plan", fingerprint, principal, kind, action]);
}

/**
 * A row decision by the resource's attributes, not its id (25 rows with a few owner/privacy combinations need a few
 * decisions), unless a policy reads the id: then the id is part of the key.
 */
export function decisionCacheKey(
  policy: { fingerprint: string; readsResourceId: boolean },
  principal: ContactPrincipal,
  resource: ContactResource,
  actions: readonly ContactPolicyAction[],
): string {
  const id = policy.readsResourceId ? resource.id : null;
  return canonicalJson(["check", policy.fingerprint, principal, resource.kind, resource.attr, id, actions]);
}
