/**
 * Why Cerbos allowed or denied an action, from the outputs its rules attach to a CheckResources result.
 * Pure. Every rule in cerbos/policies/contact.yaml outputs `{ granted, reason, rank }`; see that file for why.
 */
import type { CheckResourcesResult } from "@cerbos/core";

import type { ContactAction } from "@/lib/authz/contact-resources";

/**
 * The one shape of a decision, from the PDP's answer to pages and the API: whether the action is allowed, and the
 * reason people read beside it ("owner", "not the owner", "private"…). The API's `actions`/`reasons` JSON is built
 * from it at the edge (lib/api/contact-json.ts).
 */
export type ActionDecision = { allowed: boolean; reason: string };

/** What the principal may do with one existing contact, action by action. */
export type ContactPermissions = Record<ContactAction, ActionDecision>;

/** Denied, and no rule said why (no rule matched the principal's roles and the action). */
export const NO_RULE_ALLOWS = "no rule allows it";
/** The PDP's answer left this resource or action out: denied, as everything it did not allow. */
export const NO_DECISION = "no decision";

/** The parts of the SDK's result a reason is read from (a plain object in unit tests). */
export type DecisionSource = Pick<CheckResourcesResult, "isAllowed" | "outputs" | "metadata">;

type RuleOutput = { granted: boolean; reason: string; rank?: number };

function isRuleOutput(value: unknown): value is RuleOutput {
  return (
    typeof value === "object" &&
    value !== null &&
    "granted" in value &&
    typeof value.granted === "boolean" &&
    "reason" in value &&
    typeof value.reason === "string" &&
    value.reason !== "" &&
    (!("rank" in value) || typeof value.rank === "number")
  );
}

/** Lowest rank first, unranked last; ties by reason, so the answer never depends on the PDP's output order. */
function byRank(a: RuleOutput, b: RuleOutput): number {
  return (a.rank ?? Infinity) - (b.rank ?? Infinity) || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0);
}

/** For an allow without a usable output (a rule someone added without one): name what matched instead. */
function describeAllowWithoutOutput(source: DecisionSource, action: string): string {
  const derivedRoles = source.metadata?.effectiveDerivedRoles ?? [];
  if (derivedRoles.length > 0) return `derived role ${derivedRoles.join(", ")}`;
  const policy = source.metadata?.actions[action]?.matchedPolicy;
  return policy ? `policy ${policy}` : "allowed";
}

/**
 * The decision for one action and its reason: of that action's outputs whose `granted` agrees with the
 * decision, the lowest-ranked ("owner" before "not private" on one's own contact).
 * Fails closed: a result or an action the PDP left out is denied.
 */
export function decideAction(source: DecisionSource | undefined, action: string): ActionDecision {
  const allowed = source?.isAllowed(action);
  if (source === undefined || allowed === undefined) return { allowed: false, reason: NO_DECISION };
  const [output] = source.outputs
    .filter((entry) => entry.action === action)
    .map((entry) => entry.value)
    .filter((value): value is RuleOutput => isRuleOutput(value) && value.granted === allowed)
    .sort(byRank);
  if (output) return { allowed, reason: output.reason };
  return { allowed, reason: allowed ? describeAllowWithoutOutput(source, action) : NO_RULE_ALLOWS };
}

/** Every action on one existing contact, from its CheckResources result; fails closed as decideAction does. */
export function decideContactPermissions(source: DecisionSource | undefined): ContactPermissions {
  return {
    read: decideAction(source, "read"),
    update: decideAction(source, "update"),
    delete: decideAction(source, "delete"),
  };
}
