import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Inspector } from "@/app/_components/inspector";
import { Pagination } from "@/app/_components/pagination";
import { PermissionsTable } from "@/app/_components/permissions-table";
import { SearchForm } from "@/app/_components/search-form";
import { UserBar } from "@/app/_components/user-bar";
import { requireUser } from "@/lib/auth/current-user";
import { CONTACT_ACTIONS } from "@/lib/authz/contact-resources";
import { listContactsForUser } from "@/lib/contacts/contact-reads";
import { listQueryFrom, listQuerySchema } from "@/lib/contacts/list-query";
import { loadOrUnavailable } from "@/lib/pages/load-or-unavailable";
import { paths } from "@/lib/paths";

export const metadata: Metadata = { title: "Contacts" };

type ContactsPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ContactsPage({ searchParams }: ContactsPageProps) {
  const params = await searchParams;
  const query = listQueryFrom(params);
  const { q, page, pageSize } = query.success ? query.data : listQuerySchema.parse({});
  const here = paths.contactsWith({ q });
  const user = await requireUser(here);
  const list = await loadOrUnavailable(() => listContactsForUser(user, { q, page, pageSize }), here);
  const lastPage = Math.max(1, Math.ceil(list.total / list.pageSize));
  // A page past the end (an old link, or rows deleted since) shows the last page instead of an empty range.
  if (list.page > lastPage) redirect(paths.contactsWith({ q, page: lastPage, pageSize: list.pageSize }));
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Contacts</h1>
        {list.canCreate.allowed ? (
          <Link
            href={paths.newContact}
            className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-500"
          >
            New contact
          </Link>
        ) : null}
      </div>
      <UserBar email={user.email} username={user.username} roles={list.roles} via={user.via} />
      {list.hasRoles ? null : (
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
      {list.contacts.length > 0 ? (
        <PermissionsTable contacts={list.contacts} actions={CONTACT_ACTIONS} />
      ) : (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-8 text-center text-sm text-slate-600">
          {q ? `No contacts you may see match “${q}”.` : "There are no contacts you may see."}
        </p>
      )}
      <Pagination page={list.page} pageSize={list.pageSize} total={list.total} query={q} />
      <Inspector
        entries={[
          { title: "Token claims (verified access token)", value: user.claims, testId: "token-claims" },
          { title: "Cerbos PlanResources request (read)", value: list.inspector.plan.request, testId: "plan-request" },
          { title: "Cerbos PlanResources response", value: list.inspector.plan.response, testId: "plan-response" },
          { title: "SQL filter the plan became", value: list.inspector.plan.filter, testId: "plan-sql" },
          {
            title: "Cerbos CheckResources request (rows shown)",
            value: list.inspector.check.request,
            testId: "cerbos-request",
          },
          { title: "Cerbos CheckResources response", value: list.inspector.check.response, testId: "cerbos-response" },
        ]}
      />
    </div>
  );
}
