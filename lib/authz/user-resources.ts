import "server-only";
import { CHANGE_ACTIONS } from "@/lib/admin/user-action-rules";

/** cerbos/policies/user.yaml: a pool user as the admin console's resource. */
export const USER_KIND = "user";

/** Every action the console offers per user, in the order the page shows them. */
export const USER_ACTIONS = ["view", ...CHANGE_ACTIONS] as const;
export type UserAction = (typeof USER_ACTIONS)[number];

/** The freshly loaded state of a user (AdminGetUser + AdminListGroupsForUser) and the pool's enabled-admin count. */
export type ManagedUser = { sub: string; groups: readonly string[]; enabled: boolean };

/**
 * The Cerbos resource for a user: id and `attr.sub` are its sub, which the policy compares with the principal's id
 * (self-demotion; an attribute because a policy reading the resource id turns off attribute-keyed decision caching).
 * enabledAdmins must be recounted by the caller right before a change (last-admin rule).
 */
export function userResource(user: ManagedUser, enabledAdmins: number) {
  return {
    kind: USER_KIND,
    id: user.sub,
    attr: { sub: user.sub, groups: [...user.groups], enabled: user.enabled, enabledAdmins },
  };
}
