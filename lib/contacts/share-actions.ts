"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { getActingUser } from "@/lib/auth/acting-user";
import type { FieldErrors } from "@/lib/contacts/contact-input";
import { type ShareResult, shareContact, unshareContact } from "@/lib/contacts/share-mutations";
import { paths } from "@/lib/paths";

/** One state for the whole Sharing section: its add form and every remove button answer in one live region. */
export type SharingFormState =
  | { status: "idle" }
  | { status: "done"; message: string }
  | { status: "invalid"; fieldErrors: FieldErrors; values: Record<string, unknown> }
  | { status: "error"; message: string; values?: Record<string, unknown> };

const MESSAGES = {
  unauthenticated:
    "Your session has ended and could not be renewed; nothing was changed. Reload the page to sign in again.",
  "not-found": "This contact does not exist, or you may not see it.",
  unavailable: "Authorization or the database is unavailable right now; nothing was changed. Try again in a moment.",
  conflict: "The contact changed while you were sharing it; nothing was changed. Reload the page and try again.",
} as const;

const DONE = {
  added: (email: string, role: string) => `Shared with ${email} as ${role}.`,
  changed: (email: string, role: string) => `${email} is now ${role === "editor" ? "an editor" : "a viewer"}.`,
  unchanged: (email: string, role: string) => `${email} is already ${role === "editor" ? "an editor" : "a viewer"}.`,
  removed: (email: string) => `${email} no longer has access.`,
} as const;

function text(formData: FormData, name: string): string | undefined {
  const value = formData.get(name);
  return typeof value === "string" ? value : undefined;
}

function toFormState(result: ShareResult, values: Record<string, unknown>): SharingFormState {
  switch (result.status) {
    case "ok": {
      const email = result.share?.email ?? String(values.email ?? "").trim();
      return { status: "done", message: DONE[result.change](email, result.share?.role ?? "") };
    }
    case "invalid":
      return { status: "invalid", fieldErrors: result.fieldErrors, values };
    case "forbidden":
    case "no-share":
      return { status: "error", message: result.message, values };
    default:
      return { status: "error", message: MESSAGES[result.status], values };
  }
}

/**
 * `intent` says which form was sent: "share" (email + role) or "remove" (email). The contact id travels in the form,
 * so a forged post can name any contact: share-mutations.ts authorizes it on the loaded contact again.
 */
export async function sharingAction(_previous: SharingFormState, formData: FormData): Promise<SharingFormState> {
  const contactId = text(formData, "contactId");
  const email = text(formData, "email");
  const remove = text(formData, "intent") === "remove";
  const values = remove ? { contactId, email } : { contactId, email, role: text(formData, "role") };
  const user = await getActingUser();
  const result = remove ? await unshareContact(user, values) : await shareContact(user, values);
  if (result.status === "ok" && contactId) {
    // Both pages show who may read the contact: the detail page's section and the list's reasons.
    revalidatePath(paths.contactDetail(contactId));
    revalidatePath(paths.contacts);
  }
  return toFormState(result, values);
}
