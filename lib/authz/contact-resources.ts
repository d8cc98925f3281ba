/** How a contact is described to Cerbos, and the demo contacts used until there is a database. Pure. */

export const CONTACT_KIND = "contact";

/** Actions checked on an existing contact (`create` is checked before a contact exists). */
export const CONTACT_ACTIONS = ["read", "update", "delete"] as const;
export type ContactAction = (typeof CONTACT_ACTIONS)[number];

export type ContactRecord = { id: string; name: string; owner: string };

export type ContactResource = {
  kind: typeof CONTACT_KIND;
  id: string;
  /** Only what the policies read: the less we send, the less can leak into PDP logs. */
  attr: { owner: string };
};

export function toContactResource(contact: ContactRecord): ContactResource {
  return { kind: CONTACT_KIND, id: contact.id, attr: { owner: contact.owner } };
}

/** Owner of the demo contact that belongs to nobody who can sign in. */
export const DEMO_OTHER_OWNER = "someone-else";

/** The two contacts of the original demo: one owned by the signed-in user, one by someone else. */
export function demoContactsFor(ownerSub: string): ContactRecord[] {
  return [
    { id: "contact-1", name: "Ada Lovelace", owner: ownerSub },
    { id: "contact-2", name: "Grace Hopper", owner: DEMO_OTHER_OWNER },
  ];
}
