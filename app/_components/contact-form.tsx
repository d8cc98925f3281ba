"use client";

import Link from "next/link";
import { useActionState, useEffect, useRef } from "react";
import { FormField, FormMessage, SubmitButton } from "@/app/_components/form-field";
import type { ContactFormState } from "@/lib/contacts/contact-actions";
import type { ContactView } from "@/lib/contacts/contact-view";

type ContactFormProps = {
  action: (state: ContactFormState, formData: FormData) => Promise<ContactFormState>;
  /** The stored contact when editing; its id and version go back with the form. */
  contact?: ContactView;
  submitLabel: string;
  cancelHref: string;
};

function valueOf(
  state: ContactFormState,
  contact: ContactView | undefined,
  name: keyof ContactView,
): string | undefined {
  const typed = state.status === "idle" ? undefined : state.values?.[name];
  if (typeof typed === "string") return typed;
  const stored = contact?.[name];
  return typeof stored === "string" ? stored : undefined;
}

function isPrivateOf(state: ContactFormState, contact: ContactView | undefined): boolean {
  const typed = state.status === "idle" ? undefined : state.values?.isPrivate;
  return typeof typed === "boolean" ? typed : (contact?.isPrivate ?? false);
}

export function ContactForm({ action, contact, submitLabel, cancelHref }: ContactFormProps) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const summary = useRef<HTMLDivElement>(null);
  // Each answer that comes back with a problem moves focus to the summary above the fields, so it is read first.
  useEffect(() => {
    if (state.status !== "idle") summary.current?.focus();
  }, [state]);
  const errors = state.status === "invalid" ? state.fieldErrors : {};
  const message =
    state.status === "error" || state.status === "conflict"
      ? state.message
      : state.status === "invalid"
        ? "Please correct the fields marked below."
        : undefined;
  // After a conflict the form shows the current version; saving again then applies the user's edit on top of it.
  const base = state.status === "conflict" ? state.current : contact;
  const field = (name: keyof ContactView) => valueOf(state, base, name);
  return (
    <form action={formAction} className="space-y-4" noValidate key={base?.version}>
      {base ? <input type="hidden" name="id" value={base.id} /> : null}
      {base ? <input type="hidden" name="version" value={base.version} /> : null}
      <FormMessage message={message} ref={summary} />
      <FormField
        name="name"
        label="Name"
        type="text"
        autoComplete="off"
        errors={errors.name}
        defaultValue={field("name")}
        maxLength={120}
      />
      <FormField
        name="email"
        label="Email"
        type="email"
        autoComplete="off"
        errors={errors.email}
        defaultValue={field("email")}
        required={false}
      />
      <FormField
        name="phone"
        label="Phone"
        type="tel"
        autoComplete="off"
        errors={errors.phone}
        defaultValue={field("phone")}
        required={false}
      />
      <FormField
        name="company"
        label="Company"
        type="text"
        autoComplete="off"
        errors={errors.company}
        defaultValue={field("company")}
        required={false}
      />
      <FormField
        name="notes"
        label="Notes"
        type="textarea"
        autoComplete="off"
        errors={errors.notes}
        defaultValue={field("notes")}
        required={false}
      />
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input
          type="checkbox"
          name="isPrivate"
          defaultChecked={isPrivateOf(state, base)}
          className="h-4 w-4 rounded border-slate-300"
        />
        Private (only you and admins can see it)
      </label>
      <div className="flex items-center gap-3">
        <div className="w-40">
          <SubmitButton label={submitLabel} pending={pending} />
        </div>
        <Link href={cancelHref} className="text-sm text-slate-600 hover:underline">
          Cancel
        </Link>
      </div>
    </form>
  );
}
