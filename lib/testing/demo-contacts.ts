import { noShares, type ContactRecord } from "@/lib/authz/contact-resources";

/** The original demo's two contacts, for PDP tests: one owned by `ownerSub`, one by someone who cannot sign in. */
export function demoContactsFor(ownerSub: string): ContactRecord[] {
  return [
    { id: "contact-1", name: "Ada Lovelace", owner: ownerSub, isPrivate: false, shares: noShares() },
    { id: "contact-2", name: "Grace Hopper", owner: "someone-else", isPrivate: false, shares: noShares() },
  ];
}
