import type { ContactRow } from "@/lib/db/schema";

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
  ownedByUser: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export function toContactView(row: ContactRow, viewerSub: string): ContactView {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    company: row.company,
    notes: row.notes,
    isPrivate: row.isPrivate,
    owner: row.owner,
    ownedByUser: row.owner === viewerSub,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
