"use client";

import Link from "next/link";
import { useActionState } from "react";
import { FormMessage } from "@/app/_components/form-field";
import { deleteContactAction } from "@/lib/contacts/contact-actions";

type DeleteContactFormProps = { id: string; version: number; cancelHref: string };

export function DeleteContactForm({ id, version, cancelHref }: DeleteContactFormProps) {
  const [state, formAction, pending] = useActionState(deleteContactAction, { status: "idle" });
  const message = state.status === "error" || state.status === "conflict" ? state.message : undefined;
  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <FormMessage message={message} />
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-rose-600 px-4 py-2 font-medium text-white shadow-sm hover:bg-rose-500 disabled:opacity-60"
        >
          Delete contact
        </button>
        <Link href={cancelHref} className="text-sm text-slate-600 hover:underline">
          Cancel
        </Link>
      </div>
    </form>
  );
}
