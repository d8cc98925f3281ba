import "server-only";
import { requireUser } from "@/lib/auth/current-user";
import { type ContactSharing, getContactSharing } from "@/lib/contacts/share-reads";
import { loadOrUnavailable } from "@/lib/pages/load-or-unavailable";

/** For a contact's page: its Sharing section's data (null when the user may not read the contact). */
export async function loadContactSharing(id: string, here: string): Promise<ContactSharing | null> {
  const user = await requireUser(here);
  return loadOrUnavailable(() => getContactSharing(user, id), here, user);
}
