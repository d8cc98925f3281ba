import { type ContactView, ownerLabel } from "@/lib/contacts/contact-view";

/** Every field as text: React escapes it, so a name like `<script>` is shown, never run. */
export function ContactDetails({ contact }: { contact: ContactView }) {
  const rows: [string, string | null][] = [
    ["Email", contact.email],
    ["Phone", contact.phone],
    ["Company", contact.company],
    ["Notes", contact.notes],
    ["Owner", ownerLabel(contact)],
    ["Private", contact.isPrivate ? "Yes" : "No"],
    ["Updated", new Date(contact.updatedAt).toUTCString()],
  ];
  return (
    <dl className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm">
      {rows.map(([label, value]) => (
        <div key={label} className="grid grid-cols-3 gap-4 px-4 py-3 text-sm">
          <dt className="font-medium text-slate-600">{label}</dt>
          <dd className="col-span-2 break-words whitespace-pre-wrap text-slate-900">{value ?? "—"}</dd>
        </div>
      ))}
    </dl>
  );
}
