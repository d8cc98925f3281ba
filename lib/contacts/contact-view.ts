import type { ContactRecord } from "@/lib/contacts/contact-store";

/** A contact as pages and the API show it: plain, serializable data. */
export type ContactView = {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  company: string | null;
  notes: string | null;
  isPrivate: boolean;
  owner: string;
  /** The owner's email from the user directory; null when the owner has not signed in since it existed. */
  ownerEmail: string | null;
  ownedByUser: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export function toContactView(row: ContactRecord, viewerSub: string): ContactView {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    company: row.company,
    notes: row.notes,
    isPrivate: row.isPrivate,
    owner: row.owner,
    ownerEmail: row.ownerEmail,
    ownedByUser: row.owner === viewerSub,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Who owns it, for people: "alice@example.com (you)", "bob@example.com", or a fallback when not in the directory. */
export function ownerLabel(contact: Pick<ContactView, "ownerEmail" | "ownedByUser">): string {
  if (contact.ownerEmail) return contact.ownedByUser ? `${contact.ownerEmail} (you)` : contact.ownerEmail;
  return contact.ownedByUser ? "You" : "Unknown user (not in the directory)";
}
