"use client";

import { useActionState } from "react";
import { FormField, FormMessage } from "@/app/_components/form-field";
import { type SharingFormState, sharingAction } from "@/lib/contacts/share-actions";

/** One share as the section lists it; `sharedAt` already formatted on the server (no time-zone mismatch). */
export type SharingEntry = { email: string; role: "viewer" | "editor"; sharedBy: string | null; sharedAt: string };

type SharingFormProps = { contactId: string; shares: SharingEntry[]; limit: number };

/** The action every form of the section posts to, and whether one is in flight (then every button waits). */
type Posting = { contactId: string; formAction: (formData: FormData) => void; pending: boolean };

const BUTTON =
  "rounded-md border px-3 py-1.5 text-sm font-medium shadow-sm disabled:opacity-60 focus:ring-2 focus:ring-indigo-200 focus:outline-none";

function typed(state: SharingFormState, name: string): string | undefined {
  const value = state.status === "invalid" || state.status === "error" ? state.values?.[name] : undefined;
  return typeof value === "string" ? value : undefined;
}

/** The people a contact is shared with, a remove button each, and a form to add one; one live region answers all. */
export function SharingForm({ contactId, shares, limit }: SharingFormProps) {
  const [state, formAction, pending] = useActionState(sharingAction, { status: "idle" });
  const message =
    state.status === "error" ? state.message : state.status === "invalid" ? "Nothing was shared: see below." : "";
  const posting = { contactId, formAction, pending };
  return (
    <div className="space-y-4">
      <p role="status" className={state.status === "done" ? "rounded-md bg-emerald-50 px-3 py-2 text-sm" : ""}>
        {state.status === "done" ? state.message : ""}
      </p>
      <FormMessage message={message || undefined} />
      <PeopleWithAccess shares={shares} posting={posting} />
      {/* A new key after each success empties the form; after a refusal it keeps what was typed. */}
      <AddShareForm key={state.status === "done" ? state.message : ""} state={state} posting={posting} limit={limit} />
    </div>
  );
}

function PeopleWithAccess({ shares, posting }: { shares: SharingEntry[]; posting: Posting }) {
  if (shares.length === 0) return <p className="text-sm text-slate-600">Not shared with anyone yet.</p>;
  return (
    <ul aria-label="People with access" className="divide-y divide-slate-100 rounded-md border border-slate-200">
      {shares.map((share) => (
        <li key={share.email} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
          <div className="min-w-0 break-words">
            <p className="font-medium text-slate-900">{share.email}</p>
            <p className="text-slate-600">
              {share.role === "editor" ? "Editor" : "Viewer"} · shared by {share.sharedBy ?? "a former user"} on{" "}
              {share.sharedAt}
            </p>
          </div>
          <form action={posting.formAction}>
            <input type="hidden" name="intent" value="remove" />
            <input type="hidden" name="contactId" value={posting.contactId} />
            <input type="hidden" name="email" value={share.email} />
            <button type="submit" disabled={posting.pending} className={`${BUTTON} border-rose-300 text-rose-700`}>
              Remove<span className="sr-only"> {share.email}</span>
            </button>
          </form>
        </li>
      ))}
    </ul>
  );
}

type AddShareFormProps = { state: SharingFormState; posting: Posting; limit: number };

function AddShareForm({ state, posting, limit }: AddShareFormProps) {
  const errors: Record<string, string[] | undefined> = state.status === "invalid" ? state.fieldErrors : {};
  const roleErrors = errors.role;
  return (
    <form action={posting.formAction} className="space-y-3" noValidate>
      <input type="hidden" name="intent" value="share" />
      <input type="hidden" name="contactId" value={posting.contactId} />
      <FormField
        name="email"
        label="Share with (email)"
        type="email"
        autoComplete="off"
        errors={errors.email}
        defaultValue={typed(state, "email")}
      />
      <div className="space-y-1">
        <label htmlFor="share-role" className="block text-sm font-medium text-slate-700">
          Role
        </label>
        <select
          id="share-role"
          name="role"
          defaultValue={typed(state, "role") ?? "viewer"}
          aria-invalid={roleErrors ? true : undefined}
          aria-describedby={roleErrors ? "share-role-errors share-role-hint" : "share-role-hint"}
          className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 shadow-sm"
        >
          <option value="viewer">Viewer (may read)</option>
          <option value="editor">Editor (may read and edit, never delete)</option>
        </select>
        <p id="share-role-hint" className="text-xs text-slate-500">
          Sharing with someone who has access already changes their role. At most {limit} people.
        </p>
        {roleErrors ? (
          <p id="share-role-errors" className="text-sm text-red-700">
            {roleErrors.join(" ")}
          </p>
        ) : null}
      </div>
      <button
        type="submit"
        disabled={posting.pending}
        className={`${BUTTON} border-indigo-600 bg-indigo-600 text-white`}
      >
        Share
      </button>
    </form>
  );
}
