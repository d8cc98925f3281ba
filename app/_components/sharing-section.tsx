import { type SharingEntry, SharingForm } from "@/app/_components/sharing-form";
import { MAX_SHARES_PER_CONTACT } from "@/lib/contacts/contact-shares";
import type { ContactSharing } from "@/lib/contacts/share-reads";
import type { ShareView } from "@/lib/contacts/share-view";

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

const entryOf = (share: ShareView): SharingEntry => ({
  ...share,
  sharedAt: `${when.format(new Date(share.sharedAt))} UTC`,
});

type SharingSectionProps = { contactId: string; sharing: ContactSharing };

/**
 * Who else may see the contact. Those allowed to `share` it (Cerbos decides: admins and the owner) get the list and
 * its controls; a sharee is told only of their own access, since who else a contact is shared with is the owner's
 * business; anyone else reads why they may not share.
 */
export function SharingSection({ contactId, sharing }: SharingSectionProps) {
  const { access, shares, yours } = sharing;
  return (
    <section aria-labelledby="sharing-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="sharing-heading" className="mb-3 text-sm font-semibold text-slate-700">
        Sharing
      </h2>
      {access.share.allowed ? (
        <SharingForm contactId={contactId} shares={shares.map(entryOf)} limit={MAX_SHARES_PER_CONTACT} />
      ) : (
        <div className="space-y-1 text-sm text-slate-700">
          {yours ? (
            <p>
              Shared with you as {yours.role} by {yours.sharedBy ?? "a former user"} on {entryOf(yours).sharedAt}.
            </p>
          ) : null}
          <p>You may not share this contact ({access.share.reason}).</p>
        </div>
      )}
    </section>
  );
}
