import type { Metadata } from "next";
import { Suspense } from "react";
import { ContactsResults, ContactsSkeleton, NewContactLink } from "@/app/_components/contacts-results";
import { SearchForm } from "@/app/_components/search-form";
import { requireUser } from "@/lib/auth/current-user";
import { principalFromIdentity } from "@/lib/authz/principal";
import { listQueryFrom, listQuerySchema } from "@/lib/contacts/list-query";
import { paths } from "@/lib/paths";

export const metadata: Metadata = { title: "Contacts" };

type ContactsPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ContactsPage({ searchParams }: ContactsPageProps) {
  const params = await searchParams;
  const query = listQueryFrom(params);
  const { q, page, pageSize } = query.success ? query.data : listQuerySchema.parse({});
  const inspect = params.inspect === "1";
  // Where a refresh or the 503 page's "Try again" comes back to: the same view, the inspector still open.
  const here = paths.contactsWith({ q, inspect });
  const user = await requireUser(here);
  const list = { user, q, page, pageSize, here, inspect };
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Contacts</h1>
        <Suspense fallback={null}>
          <NewContactLink {...list} />
        </Suspense>
      </div>
      {principalFromIdentity(user).hasRoles ? null : (
        <p role="status" className="rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900">
          You are not in any Cognito group, so you have no roles: Cerbos allows you nothing on any contact.
        </p>
      )}
      {params.deleted === "1" ? (
        <p role="status" className="rounded-md bg-emerald-50 px-4 py-3 text-sm text-emerald-800">
          The contact was deleted.
        </p>
      ) : null}
      <SearchForm
        query={q ?? ""}
        error={query.success ? undefined : query.error.issues.map((issue) => issue.message).join(" ")}
      />
      {/* A new search or page shows the skeleton again instead of the previous results. */}
      <Suspense key={`${q ?? ""}|${page}|${pageSize}|${list.inspect}`} fallback={<ContactsSkeleton />}>
        <ContactsResults {...list} />
      </Suspense>
    </div>
  );
}
