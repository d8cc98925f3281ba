import type { Metadata } from "next";
import { ContactForm } from "@/app/_components/contact-form";
import { requireUser } from "@/lib/auth/current-user";
import { createContactAction } from "@/lib/contacts/contact-actions";
import { paths } from "@/lib/paths";

export const metadata: Metadata = { title: "New contact" };

export default async function NewContactPage() {
  await requireUser(paths.newContact);
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <h1 className="text-2xl font-semibold">New contact</h1>
      <section className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <ContactForm action={createContactAction} submitLabel="Create contact" cancelHref={paths.contacts} />
      </section>
    </div>
  );
}
