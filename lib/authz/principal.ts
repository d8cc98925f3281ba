/**
 * Turns a verified identity (Cognito `sub` and groups) into the principal sent to Cerbos.
 * Pure: no I/O, so it is unit-tested without a PDP.
 */

/** Cognito groups that the Cerbos policies know as roles. Group names are case-sensitive, as in Cognito. */
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

function isKnownRole(group: string): group is KnownRole {
  return (KNOWN_ROLES as readonly string[]).includes(group);
}

/** Known roles in the order they first appear; a group named like an unknown role grants nothing. */
export function rolesFromGroups(groups: readonly string[]): KnownRole[] {
  return [...new Set(groups.filter(isKnownRole))];
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
