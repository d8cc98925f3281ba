import type { ContactAction } from "@/lib/authz/contact-resources";
import type { ActionDecision, ContactPermissions } from "@/lib/authz/decision-reasons";
import type { ContactWithPermissions } from "@/lib/contacts/contact-reads";

function perAction<K extends keyof ActionDecision>(
  permissions: ContactPermissions,
  key: K,
): Record<ContactAction, ActionDecision[K]> {
  return { read: permissions.read[key], update: permissions.update[key], delete: permissions.delete[key] };
}

/**
 * A contact in API answers: its fields, `actions` (allowed or not) and `reasons` (why, from Cerbos). The API's
 * JSON has kept these two maps since its first version; the app's one decision type is split here, and only here.
 */
export function toApiContact({ permissions, ...contact }: ContactWithPermissions) {
  return { ...contact, actions: perAction(permissions, "allowed"), reasons: perAction(permissions, "reason") };
}
