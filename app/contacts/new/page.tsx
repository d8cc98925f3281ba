import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { ContactForm } from "@/app/_components/contact-form";
import { requireUser } from "@/lib/auth/current-user";
import { createContactAction } from "@/lib/contacts/contact-actions";
import { canCreateContact } from "@/lib/contacts/contact-reads";
import { loadOrUnavailable } from "@/lib/pages/load-or-unavailable";
import { paths } from "@/lib/paths";

export const metadata: Metadata = { title: "New contact · Contacts" };

export default async function NewContactPage() {
  const user = await requireUser(paths.newContact);
  const create = await loadOrUnavailable(() => canCreateContact(user), paths.newContact, user);
  // A real 403 (forbidden.tsx beside this page says so and links back), not a 200 page with a refusal on it.
  if (!create.allowed) forbidden();
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <h1 className="text-2xl font-semibold">New contact</h1>
      <section className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <ContactForm action={createContactAction} submitLabel="Create contact" cancelHref={paths.contacts} />
      </section>
    </div>
  );
}
