import type { Metadata } from "next";
import Link from "next/link";
import { ContactDetails } from "@/app/_components/contact-details";
import { Decision } from "@/app/_components/permissions-table";
import { SharingSection } from "@/app/_components/sharing-section";
import { CONTACT_ACTIONS } from "@/lib/authz/contact-resources";
import { loadContactSharing } from "@/lib/pages/contact-sharing";
import { requireReadableContact } from "@/lib/pages/readable-contact";
import { paths } from "@/lib/paths";

type ContactPageProps = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: ContactPageProps): Promise<Metadata> {
  const { id } = await params;
  const contact = await requireReadableContact(id, paths.contactDetail(id));
  return { title: `${contact.name} · Contacts` };
}

/** Where a create or an edit lands (?created=1, ?saved=1), it says it worked, as the list does after a delete. */
function confirmationOf(query: Record<string, string | string[] | undefined>): string | undefined {
  if (query.created === "1") return "Contact created.";
  if (query.saved === "1") return "Changes saved.";
  return undefined;
}

export default async function ContactPage({ params, searchParams }: ContactPageProps) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const here = paths.contactDetail(id);
  const [contact, sharing] = await Promise.all([requireReadableContact(id, here), loadContactSharing(id, here)]);
  const { permissions } = contact;
  const confirmation = confirmationOf(query);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <Link href={paths.contacts} className="text-sm text-indigo-700 hover:underline">
        ← All contacts
      </Link>
      {confirmation ? (
        <p role="status" className="rounded-md bg-emerald-50 px-4 py-3 text-sm text-emerald-800">
          {confirmation}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold break-words">{contact.name}</h1>
        <div className="flex gap-2">
          {permissions.update.allowed ? (
            <Link
              href={paths.editContact(contact.id)}
              className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50"
            >
              Edit
            </Link>
          ) : null}
          {permissions.delete.allowed ? (
            <Link
              href={paths.deleteContact(contact.id)}
              className="rounded-md border border-rose-300 bg-white px-3 py-1.5 text-sm font-medium text-rose-700 hover:bg-rose-50"
            >
              Delete
            </Link>
          ) : null}
        </div>
      </div>
      <ContactDetails contact={contact} />
      <section
        aria-labelledby="permissions-heading"
        className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      >
        <h2 id="permissions-heading" className="mb-3 text-sm font-semibold text-slate-700">
          What you may do, and why
        </h2>
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {CONTACT_ACTIONS.map((action) => (
            <li key={action} className="space-y-1">
              <p className="text-xs uppercase tracking-wide text-slate-500">{action}</p>
              <Decision permission={permissions[action]} action={action} />
            </li>
          ))}
          {sharing ? (
            <li className="space-y-1">
              <p className="text-xs uppercase tracking-wide text-slate-500">share</p>
              <Decision permission={sharing.access.share} action="share" />
            </li>
          ) : null}
        </ul>
      </section>
      {sharing ? <SharingSection contactId={contact.id} sharing={sharing} /> : null}
    </div>
  );
}
