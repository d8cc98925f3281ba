import type { ContactWithPermissions } from "@/lib/contacts/contact-reads";

/** A contact in API answers: its fields, `actions` (allowed or not) and `reasons` (why, from Cerbos). */
export function toApiContact({ permissions, ...contact }: ContactWithPermissions) {
  return {
    ...contact,
    actions: { read: permissions.read.allowed, update: permissions.update.allowed, delete: permissions.delete.allowed },
    reasons: { read: permissions.read.reason, update: permissions.update.reason, delete: permissions.delete.reason },
  };
}
