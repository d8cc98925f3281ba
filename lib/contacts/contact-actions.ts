"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getActingUser } from "@/lib/auth/acting-user";
import { contactFieldsFromForm, type FieldErrors, versionFromText } from "@/lib/contacts/contact-input";
import { createContact, deleteContact, updateContact } from "@/lib/contacts/contact-mutations";
import type { ContactView } from "@/lib/contacts/contact-view";
import type { MutationResult } from "@/lib/contacts/guarded-mutation";
import { paths } from "@/lib/paths";

export type ContactFormState =
  | { status: "idle" }
  | { status: "invalid"; fieldErrors: FieldErrors; values: Record<string, unknown> }
  | { status: "error"; message: string; values?: Record<string, unknown> }
  | { status: "conflict"; message: string; current: ContactView; values: Record<string, unknown> };

const MESSAGES = {
  unauthenticated:
    "Your session has ended and could not be renewed; nothing was saved. Reload the page to sign in again.",
  "not-found": "This contact does not exist, or you may not see it.",
  unavailable: "Authorization or the database is unavailable right now; nothing was saved. Try again in a moment.",
  conflict:
    "Someone saved this contact after you opened it. Nothing was overwritten: review the current version below and apply your change again.",
} as const;

/** The page-side reading of a mutation's outcome (the API maps the same outcomes to HTTP statuses). */
function toFormState(
  result: Exclude<MutationResult, { status: "ok" }>,
  values: Record<string, unknown>,
): ContactFormState {
  switch (result.status) {
    case "invalid":
      return { status: "invalid", fieldErrors: result.fieldErrors, values };
    case "forbidden":
      return { status: "error", message: result.message, values };
    case "conflict":
      return { status: "conflict", message: MESSAGES.conflict, current: result.current, values };
    default:
      return { status: "error", message: MESSAGES[result.status], values };
  }
}

function text(formData: FormData, name: string): string | undefined {
  const value = formData.get(name);
  return typeof value === "string" ? value : undefined;
}

export async function createContactAction(_previous: ContactFormState, formData: FormData): Promise<ContactFormState> {
  const values = contactFieldsFromForm(formData);
  const result = await createContact(await getActingUser(), values);
  if (result.status !== "ok") return toFormState(result, values);
  revalidatePath(paths.contacts);
  // The detail page confirms with "Contact created.", as the list does after a delete.
  redirect(paths.contactDetailWith(result.contact!.id, { created: true }));
}

/** The id and version travel in the form, so a forged post can name any contact: contact-mutations.ts checks it again. */
export async function updateContactAction(_previous: ContactFormState, formData: FormData): Promise<ContactFormState> {
  const values = contactFieldsFromForm(formData);
  const id = text(formData, "id");
  const result = await updateContact(await getActingUser(), {
    id,
    version: versionFromText(text(formData, "version")),
    changes: values,
  });
  if (result.status !== "ok") return toFormState(result, values);
  revalidatePath(paths.contacts);
  redirect(paths.contactDetailWith(id!, { saved: true }));
}

export async function deleteContactAction(_previous: ContactFormState, formData: FormData): Promise<ContactFormState> {
  const result = await deleteContact(await getActingUser(), {
    id: text(formData, "id"),
    version: versionFromText(text(formData, "version")),
  });
  if (result.status !== "ok") return toFormState(result, {});
  revalidatePath(paths.contacts);
  redirect(paths.contactsWith({ deleted: true }));
}
