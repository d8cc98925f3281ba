import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ContactForm } from "@/app/_components/contact-form";
import { requireUser } from "@/lib/auth/current-user";
import { updateContactAction } from "@/lib/contacts/contact-actions";
import { getContactForUser } from "@/lib/contacts/contact-reads";
import { loadOrUnavailable } from "@/lib/http/fail-closed";
import { paths } from "@/lib/paths";

export const metadata: Metadata = { title: "Edit contact" };

type EditContactPageProps = { params: Promise<{ id: string }> };

export default async function EditContactPage({ params }: EditContactPageProps) {
  const { id } = await params;
  const user = await requireUser(paths.editContact(id));
  const contact = await loadOrUnavailable(() => getContactForUser(user, id), paths.editContact(id));
  if (!contact) notFound();
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <h1 className="text-2xl font-semibold break-words">Edit {contact.name}</h1>
      {contact.permissions.update.allowed ? (
        <section className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <ContactForm action={updateContactAction} contact={contact} submitLabel="Save" cancelHref={paths.contactDetail(contact.id)} />
        </section>
      ) : (
        <p role="alert" className="rounded-md bg-rose-50 px-4 py-3 text-sm text-rose-800">
          You may not edit this contact ({contact.permissions.update.reason}).
        </p>
      )}
    </div>
  );
}
