/**
 * The demo users seeded by cognito/seed.ts, and what the contact policy lets each of them do. The assertions are
 * the policy's rules applied row by row, not a snapshot of the sample data, so they hold whatever contacts exist:
 * - admin: every action on every contact, including other people's private ones;
 * - user: everything on their own contacts; only read on others' non-private ones (others' private ones are
 *   filtered out of the list in the database); on a contact shared with them, read (viewer) or read and update
 *   (editor), private or not, never delete;
 * - no group: a role the policies grant nothing, so no contact is listed at all.
 */
export type Decision = "Allowed" | "Denied";
export type ExpectedDecisions = { read: Decision; update: Decision; delete: Decision };
export type Role = "admin" | "user" | "none";
/** How a contact is shared with the signed-in person (the list's "Shared" column), or null. */
export type SharedAs = "viewer" | "editor" | null;

export type Persona = {
  key: "admin" | "alice" | "bob" | "nora";
  email: string;
  password: string;
  role: Role;
};

export const personas = {
  admin: { key: "admin", email: "admin@example.com", password: "Admin#Pass1", role: "admin" },
  alice: { key: "alice", email: "alice@example.com", password: "Alice#Pass1", role: "user" },
  bob: { key: "bob", email: "bob@example.com", password: "Bob#Pass1", role: "user" },
  nora: { key: "nora", email: "nora@example.com", password: "Nora#Pass1", role: "none" },
} as const satisfies Record<Persona["key"], Persona>;

/** The one seeded user whose first sign-in must set a new password (usable once per fresh stack). */
export const newbie = { email: "newbie@example.com", temporaryPassword: "Temp#Pass1" } as const;

export const personaList: readonly Persona[] = Object.values(personas);

const ALL: ExpectedDecisions = { read: "Allowed", update: "Allowed", delete: "Allowed" };
const READ_ONLY: ExpectedDecisions = { read: "Allowed", update: "Denied", delete: "Denied" };
const READ_UPDATE: ExpectedDecisions = { read: "Allowed", update: "Allowed", delete: "Denied" };

/**
 * What the policy decides for one contact, given whose it is, whether it is private and how it is shared with the
 * person: "not listed" when they may not read it (the list filters it out in the database).
 */
export function expectedDecisions(
  role: Role,
  ownContact: boolean,
  contact: { isPrivate: boolean; sharedAs: SharedAs } = { isPrivate: false, sharedAs: null },
): ExpectedDecisions | "not listed" {
  if (role === "admin") return ALL;
  if (role !== "user") return "not listed";
  if (ownContact) return ALL;
  if (contact.sharedAs === "editor") return READ_UPDATE;
  return contact.sharedAs === "viewer" || !contact.isPrivate ? READ_ONLY : "not listed";
}

/** Where auth.setup.ts saves each persona's signed-in browser state. */
export function storageStatePath(key: Persona["key"]): string {
  return `e2e/.auth/${key}.json`;
}
