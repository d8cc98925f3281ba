import type { GroupType, UserPoolClientType, UserPoolType } from "@aws-sdk/client-cognito-identity-provider";
import type { DesiredState } from "@/scripts/provision/desired";

/** What the account holds now, as the describe calls return it (cognito-state.ts reads it). */
export type CurrentState = {
  pool: UserPoolType | undefined;
  client: UserPoolClientType | undefined;
  groups: GroupType[];
  /** The pool that holds the desired prefix, if any (prefixes are unique per region, across all accounts). */
  prefixOwner: string | undefined;
  /** Demo users by email (only read with --demo-users). */
  users: Map<string, { groups: string[] }>;
};

export type Action = "create" | "update" | "unchanged";
export type Resource = "user pool" | "group" | "app client" | "domain" | "user";
export type PlanEntry = { resource: Resource; name: string; action: Action; changes: string[] };
/** The plan cannot be carried out without a decision only a person can make; nothing is changed. */
export type Conflict = { resource: Resource; name: string; reason: string };
export type Plan = { entries: PlanEntry[]; conflicts: Conflict[] };

export type DemoUserWanted = { email: string; group: string | null };

/** Lists compare as sets (Cognito may return them in any order); `undefined` and `[]` are the same. */
function sameValue(wanted: unknown, actual: unknown): boolean {
  if (Array.isArray(wanted) || Array.isArray(actual)) {
    const a = (wanted as unknown[] | undefined) ?? [];
    const b = (actual as unknown[] | undefined) ?? [];
    return a.length === b.length && a.every((value) => b.some((other) => sameValue(value, other)));
  }
  if (wanted && typeof wanted === "object") {
    const actualObject = (actual ?? {}) as Record<string, unknown>;
    return Object.entries(wanted).every(([key, value]) => sameValue(value, actualObject[key]));
  }
  return wanted === actual;
}

/** The names of the desired fields whose current value differs (only fields we manage are compared). */
export function changedFields(wanted: Record<string, unknown>, actual: object | undefined): string[] {
  const current = (actual ?? {}) as Record<string, unknown>;
  return Object.keys(wanted).filter((key) => !sameValue(wanted[key], current[key]));
}

const entry = (resource: Resource, name: string, changes: string[] | null): PlanEntry => ({
  resource,
  name,
  action: changes === null ? "create" : changes.length > 0 ? "update" : "unchanged",
  changes: changes ?? [],
});

/** A pool whose fixed settings differ must be replaced, which only a person should decide. */
function planPool(desired: DesiredState, current: CurrentState, conflicts: Conflict[]): PlanEntry {
  const name = desired.pool.PoolName;
  if (!current.pool) return entry("user pool", name, null);
  for (const field of changedFields(desired.pool.fixed, current.pool)) {
    conflicts.push({
      resource: "user pool",
      name,
      reason: `${field} differs and cannot change after creation: choose another --pool-name or delete this pool`,
    });
  }
  return entry("user pool", name, changedFields(desired.pool.settings, current.pool));
}

function planClient(desired: DesiredState, current: CurrentState, conflicts: Conflict[]): PlanEntry {
  const name = desired.client.ClientName;
  if (!current.client) return entry("app client", name, null);
  if (!current.client.ClientSecret) {
    conflicts.push({
      resource: "app client",
      name,
      reason: "has no client secret (one cannot be added later): choose another --client-name or delete it",
    });
  }
  return entry("app client", name, changedFields(desired.client, current.client));
}

function planDomain(desired: DesiredState, current: CurrentState, conflicts: Conflict[]): PlanEntry {
  const prefix = desired.domainPrefix;
  const ownPoolId = current.pool?.Id;
  if (current.prefixOwner && current.prefixOwner !== ownPoolId) {
    conflicts.push({ resource: "domain", name: prefix, reason: `already used by user pool ${current.prefixOwner}` });
  }
  const existing = current.pool?.Domain;
  if (!existing) return entry("domain", prefix, null);
  return entry("domain", prefix, existing === prefix ? [] : [`replaces ${existing}`]);
}

function planUsers(wanted: readonly DemoUserWanted[], current: CurrentState): PlanEntry[] {
  return wanted.map((user) => {
    const existing = current.users.get(user.email);
    if (!existing) return entry("user", user.email, null);
    const missingGroup = user.group && !existing.groups.includes(user.group) ? [`joins ${user.group}`] : [];
    return entry("user", user.email, missingGroup);
  });
}

/** Pure: per resource, create / update (with the fields that change) / unchanged; conflicts stop the run. */
export function planProvision(
  desired: DesiredState,
  current: CurrentState,
  demoUsers: readonly DemoUserWanted[] = [],
): Plan {
  const conflicts: Conflict[] = [];
  const groups = desired.groups.map((group) => {
    const existing = current.groups.find((g) => g.GroupName === group.GroupName);
    return entry("group", group.GroupName, existing ? changedFields(group.settings, existing) : null);
  });
  const entries = [
    planPool(desired, current, conflicts),
    ...groups,
    planClient(desired, current, conflicts),
    planDomain(desired, current, conflicts),
    ...planUsers(demoUsers, current),
  ];
  return { entries, conflicts };
}

/** One line per resource, e.g. `  update     app client  contacts-web  (CallbackURLs, LogoutURLs)`. */
export function renderPlan(plan: Plan): string[] {
  const lines = plan.entries.map((e) => {
    const detail = e.changes.length > 0 ? `  (${e.changes.join(", ")})` : "";
    return `  ${e.action.padEnd(10)} ${e.resource.padEnd(11)} ${e.name}${detail}`;
  });
  const conflicts = plan.conflicts.map((c) => `  conflict   ${c.resource.padEnd(11)} ${c.name}: ${c.reason}`);
  return [...lines, ...conflicts];
}

export const isNoOp = (plan: Plan): boolean => plan.entries.every((e) => e.action === "unchanged");
