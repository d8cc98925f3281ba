import "server-only";

/** cerbos/policies/user.yaml: a pool user as the admin console's resource. */
export const USER_KIND = "user";

/** Every action the console offers per user, in the order the page shows them. */
export const USER_ACTIONS = [
  "view",
  "add_admin",
  "remove_admin",
  "add_user",
  "remove_user",
  "disable",
  "enable",
  "reset_password",
] as const;
export type UserAction = (typeof USER_ACTIONS)[number];

/** The freshly loaded state of a user (AdminGetUser + AdminListGroupsForUser) and the pool's enabled-admin count. */
export type ManagedUser = { sub: string; groups: readonly string[]; enabled: boolean };

/**
 * The Cerbos resource for a user. The id is the sub so the policy can compare it with the principal's id (self-
 * demotion); enabledAdmins must be recounted by the caller right before a change (last-admin rule).
 */
export function userResource(user: ManagedUser, enabledAdmins: number) {
  return {
    kind: USER_KIND,
    id: user.sub,
    attr: { groups: [...user.groups], enabled: user.enabled, enabledAdmins },
  };
}
