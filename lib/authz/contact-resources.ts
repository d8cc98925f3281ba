/** How a contact is described to Cerbos: its kind, actions and attributes. Pure. */

export const CONTACT_KIND = "contact";

/** Actions checked on an existing contact (`create` is checked before a contact exists). */
export const CONTACT_ACTIONS = ["read", "update", "delete"] as const;
export type ContactAction = (typeof CONTACT_ACTIONS)[number];

/** Every action the contact policy decides, including `create` on proposed attributes. */
export const CONTACT_POLICY_ACTIONS = ["read", "create", "update", "delete"] as const;
export type ContactPolicyAction = (typeof CONTACT_POLICY_ACTIONS)[number];

/** The subs a contact is shared with, by role (lib/contacts/contact-shares.ts): both lists, possibly empty. */
export type ShareLists = { viewers: string[]; editors: string[] };

export const noShares = (): ShareLists => ({ viewers: [], editors: [] });

/**
 * A contact as far as authorization cares. `shares` is required: a contact described without its shares would be
 * decided as shared with nobody, and its single checks would disagree with the lists (which read the shares table).
 */
export type ContactRecord = { id: string; name: string; owner: string; isPrivate: boolean; shares: ShareLists };

/** The attributes a contact may have before it exists (create) or after an edit (update, which keeps its shares). */
export type ProposedContact = { owner: string; isPrivate: boolean; shares: ShareLists; id?: string };

export type ContactResource = {
  kind: typeof CONTACT_KIND;
  id: string;
  /**
   * Only what the policies read: the less we send, the less can leak into PDP logs. Every attribute here
   * must also be mapped in contact-plan-columns.ts, or lists (plans) and single checks could disagree.
   * `viewers`/`editors` are sorted, so one set of shares is one decision cache key (decision-cache.ts).
   */
  attr: { owner: string; private: boolean; viewers: string[]; editors: string[] };
};

/** Id sent for a contact that does not exist yet; the policies never read it. */
export const PROPOSED_CONTACT_ID = "new";

const sorted = (subs: string[]) => [...subs].sort();

export function toContactResource(
  contact: Pick<ContactRecord, "id" | "owner" | "isPrivate" | "shares">,
): ContactResource {
  const { viewers, editors } = contact.shares;
  return {
    kind: CONTACT_KIND,
    id: contact.id,
    attr: { owner: contact.owner, private: contact.isPrivate, viewers: sorted(viewers), editors: sorted(editors) },
  };
}

/** For create (owner = the principal, always; no shares yet) and for the state an update would leave behind. */
export function toProposedContactResource({
  owner,
  isPrivate,
  shares,
  id = PROPOSED_CONTACT_ID,
}: ProposedContact): ContactResource {
  return toContactResource({ id, owner, isPrivate, shares });
}
