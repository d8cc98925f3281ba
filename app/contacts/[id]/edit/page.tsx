import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { ContactForm } from "@/app/_components/contact-form";
import { updateContactAction } from "@/lib/contacts/contact-actions";
import { requireReadableContact } from "@/lib/pages/readable-contact";
import { paths } from "@/lib/paths";

type EditContactPageProps = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: EditContactPageProps): Promise<Metadata> {
  const { id } = await params;
  const contact = await requireReadableContact(id, paths.editContact(id));
  return { title: `Edit ${contact.name} · Contacts` };
}

export default async function EditContactPage({ params }: EditContactPageProps) {
  const { id } = await params;
  const contact = await requireReadableContact(id, paths.editContact(id));
  // Readable but not changeable: a 403 (see forbidden.tsx); unreadable was already a 404.
  if (!contact.permissions.update.allowed) forbidden();
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <h1 className="text-2xl font-semibold break-words">Edit {contact.name}</h1>
      <section className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <ContactForm
          action={updateContactAction}
          contact={contact}
          submitLabel="Save"
          cancelHref={paths.contactDetail(contact.id)}
        />
      </section>
    </div>
  );
}
