import Link from "next/link";
import { redirect } from "next/navigation";
import { cache } from "react";
import { ListInspector } from "@/app/_components/list-inspector";
import { Pagination } from "@/app/_components/pagination";
import { PermissionsTable } from "@/app/_components/permissions-table";
import type { CurrentUser } from "@/lib/auth/current-user";
import { CONTACT_ACTIONS } from "@/lib/authz/contact-resources";
import { listContactsForUser } from "@/lib/contacts/contact-reads";
import { lastPageOf } from "@/lib/contacts/list-pages";
import { loadOrUnavailable } from "@/lib/pages/load-or-unavailable";
import { paths } from "@/lib/paths";

export type ContactsResultsProps = {
  user: CurrentUser;
  q: string | undefined;
  page: number;
  pageSize: number;
  /** Where the 503 page's "Try again" leads. */
  here: string;
  /** The inspector is open (`?inspect=1`): fresh PDP calls, shown. */
  inspect: boolean;
};

/** One plan, query and check (rows and "create" together) per request, however many parts of the page wait for them. */
const loadList = cache(
  (user: CurrentUser, q: string | undefined, page: number, pageSize: number, here: string, inspect: boolean) =>
    loadOrUnavailable(
      () => listContactsForUser(user, { q, page, pageSize }, { withCreate: true, inspect }),
      here,
      user,
    ),
);

/** "New contact", when Cerbos allows the user to create one. */
export async function NewContactLink({ user, q, page, pageSize, here, inspect }: ContactsResultsProps) {
  const list = await loadList(user, q, page, pageSize, here, inspect);
  if (!list.canCreate?.allowed) return null;
  return (
    <Link
      href={paths.newContact}
      className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-500"
    >
      New contact
    </Link>
  );
}

/**
 * The part of the list page that waits for Cerbos and the database, streamed behind a skeleton. An outage still
 * ends on the 503 page and a page past the end on the last page: a redirect thrown here, after the first bytes,
 * is carried out by the browser.
 */
export async function ContactsResults({ user, q, page, pageSize, here, inspect }: ContactsResultsProps) {
  const list = await loadList(user, q, page, pageSize, here, inspect);
  // A page past the end (an old link, or rows deleted since) shows the last page instead of an empty range. Its
  // count is always exact: the count reaches the end of the page asked for, and past the end is below that.
  const lastPage = lastPageOf(list);
  if (lastPage !== null && list.page > lastPage)
    redirect(paths.contactsWith({ q, page: lastPage, pageSize: list.pageSize }));
  return (
    <>
      {list.contacts.length > 0 ? (
        <PermissionsTable contacts={list.contacts} actions={CONTACT_ACTIONS} />
      ) : (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-8 text-center text-sm text-slate-600">
          {q ? `No contacts you may see match “${q}”.` : "There are no contacts you may see."}
        </p>
      )}
      <Pagination page={list.page} pageSize={list.pageSize} total={list.total} totalExact={list.totalExact} query={q} />
      <ListInspector user={user} list={list} q={q} />
    </>
  );
}

/** What the list looks like while Cerbos and the database answer: the table's outline, and a word for screen readers. */
export function ContactsSkeleton() {
  return (
    <div
      role="status"
      data-testid="contacts-skeleton"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <span className="sr-only">Loading contacts…</span>
      {Array.from({ length: 5 }, (_, index) => (
        <div key={index} aria-hidden="true" className="h-8 animate-pulse rounded bg-slate-100" />
      ))}
    </div>
  );
}
