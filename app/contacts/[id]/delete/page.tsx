import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { DeleteContactForm } from "@/app/_components/delete-contact-form";
import { requireReadableContact } from "@/lib/pages/readable-contact";
import { paths } from "@/lib/paths";

type DeleteContactPageProps = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: DeleteContactPageProps): Promise<Metadata> {
  const { id } = await params;
  const contact = await requireReadableContact(id, paths.deleteContact(id));
  return { title: `Delete ${contact.name} · Contacts` };
}

export default async function DeleteContactPage({ params }: DeleteContactPageProps) {
  const { id } = await params;
  const contact = await requireReadableContact(id, paths.deleteContact(id));
  // Readable but not deletable: a 403 (see forbidden.tsx); unreadable was already a 404.
  if (!contact.permissions.delete.allowed) forbidden();
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <h1 className="text-2xl font-semibold break-words">Delete {contact.name}?</h1>
      <section className="space-y-4 rounded-lg border border-rose-200 bg-white p-6 shadow-sm">
        <p className="text-sm text-slate-700">This cannot be undone.</p>
        <DeleteContactForm id={contact.id} version={contact.version} cancelHref={paths.contactDetail(contact.id)} />
      </section>
    </div>
  );
}
