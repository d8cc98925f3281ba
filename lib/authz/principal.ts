/**
 * Turns a verified identity (Cognito `sub` and groups) into the principal sent to Cerbos.
 * Pure: no I/O, so it is unit-tested without a PDP.
 */

/**
 * Cognito groups that the Cerbos policies know as roles, most powerful first. Group names are
 * case-sensitive, as in Cognito.
 */
export const KNOWN_ROLES = ["admin", "user"] as const;
export type KnownRole = (typeof KNOWN_ROLES)[number];

/**
 * Sent for a user in no known group: the PDP rejects an empty roles list, and no policy grants
 * anything to this role, so such a user is simply denied everything.
 */
export const NO_ROLE = "no_role";

export type IdentityForPrincipal = {
  sub: string;
  groups: readonly string[];
  email?: string;
  username?: string;
};

export type ContactPrincipal = {
  id: string;
  roles: string[];
  attr: { email?: string; username?: string; groups: string[] };
};

/**
 * Known roles in KNOWN_ROLES order, whatever order Cognito lists the groups in; a group named like an
 * unknown role grants nothing. Why the order: the PDP stops at the first role that allows an action, so
 * the rule outputs (the reason shown) follow role order; admin first makes an admin's reason "admin role".
 */
export function rolesFromGroups(groups: readonly string[]): KnownRole[] {
  return KNOWN_ROLES.filter((role) => groups.includes(role));
}

export function principalFromIdentity(identity: IdentityForPrincipal): {
  principal: ContactPrincipal;
  hasRoles: boolean;
} {
  // The policies compare the owner attribute with this id: a blank id must never reach them.
  if (identity.sub.trim() === "") {
    throw new Error("Cannot build a principal without a subject (sub)");
  }
  const roles = rolesFromGroups(identity.groups);
  const attr: ContactPrincipal["attr"] = { groups: [...identity.groups] };
  if (identity.email !== undefined) attr.email = identity.email;
  if (identity.username !== undefined) attr.username = identity.username;
  return {
    principal: { id: identity.sub, roles: roles.length > 0 ? roles : [NO_ROLE], attr },
    hasRoles: roles.length > 0,
  };
}

/** The principal as a Cerbos request carries it: a copy, so a request never aliases the caller's arrays. */
export function toRequestPrincipal(principal: ContactPrincipal): ContactPrincipal {
  return {
    id: principal.id,
    roles: [...principal.roles],
    attr: { ...principal.attr, groups: [...principal.attr.groups] },
  };
}
