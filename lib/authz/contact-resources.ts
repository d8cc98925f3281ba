/** How a contact is described to Cerbos: its kind, actions and attributes. Pure. */

export const CONTACT_KIND = "contact";

/** Actions checked on an existing contact (`create` is checked before a contact exists). */
export const CONTACT_ACTIONS = ["read", "update", "delete"] as const;
export type ContactAction = (typeof CONTACT_ACTIONS)[number];

/** Every action the contact policy decides, including `create` on proposed attributes. */
export const CONTACT_POLICY_ACTIONS = ["read", "create", "update", "delete"] as const;
export type ContactPolicyAction = (typeof CONTACT_POLICY_ACTIONS)[number];

export type ContactRecord = { id: string; name: string; owner: string; isPrivate: boolean };

/** The attributes a contact may have before it exists (create) or after an edit (update). */
export type ProposedContact = { owner: string; isPrivate: boolean; id?: string };

export type ContactResource = {
  kind: typeof CONTACT_KIND;
  id: string;
  /**
   * Only what the policies read: the less we send, the less can leak into PDP logs. Every attribute here
   * must also be mapped in contact-plan-columns.ts, or lists (plans) and single checks could disagree.
   */
  attr: { owner: string; private: boolean };
};

/** Id sent for a contact that does not exist yet; the policies never read it. */
export const PROPOSED_CONTACT_ID = "new";

export function toContactResource(contact: Pick<ContactRecord, "id" | "owner" | "isPrivate">): ContactResource {
  return { kind: CONTACT_KIND, id: contact.id, attr: { owner: contact.owner, private: contact.isPrivate } };
}

/** For create (owner = the principal, always) and for the state an update would leave behind. */
export function toProposedContactResource({
  owner,
  isPrivate,
  id = PROPOSED_CONTACT_ID,
}: ProposedContact): ContactResource {
  return toContactResource({ id, owner, isPrivate });
}
