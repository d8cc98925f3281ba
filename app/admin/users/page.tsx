import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SearchForm } from "@/app/_components/search-form";
import { UsersTable } from "@/app/_components/users-table";
import { EMAIL_SEARCH_MAX } from "@/lib/admin/email-search";
import { loadUsersView } from "@/lib/admin/users-view";
import { requireUser } from "@/lib/auth/current-user";
import { loadOrUnavailable } from "@/lib/pages/load-or-unavailable";
import { paths } from "@/lib/paths";

export const metadata: Metadata = { title: "Users" };

type AdminUsersPageProps = { searchParams: Promise<{ q?: string | string[]; token?: string | string[] }> };

const LINK = "rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50";

/**
 * Admins only (cerbos/policies/user.yaml `view`); anyone else gets the 404 of an address that does not exist.
 * Paging follows Cognito: its pagination tokens only go forward, so the page offers "Next" and "First page" and no
 * "Previous" (a stack of past tokens in the URL would grow with every page and still break when a token expires).
 */
export default async function AdminUsersPage({ searchParams }: AdminUsersPageProps) {
  const params = await searchParams;
  const user = await requireUser(paths.admin.usersWith({ q: typeof params.q === "string" ? params.q : undefined }));
  const view = await loadOrUnavailable(() => loadUsersView(user, params), paths.admin.users, user);
  if (view.status === "forbidden") notFound();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Users</h1>
      <p className="text-sm text-slate-600">
        The user pool&apos;s accounts and their groups. Cerbos decides every action on the user as Cognito has it right
        now: nobody removes their own admin role or disables themselves, and the last enabled admin keeps the role. A
        changed group takes effect at the user&apos;s next request; a disabled user, or one who must choose a new
        password, is signed out at once.
      </p>
      <SearchForm
        query={view.q}
        error={view.status === "invalid" ? view.message : undefined}
        action={paths.admin.users}
        label="Search users by email"
        placeholder="Email starts with…"
        maxLength={EMAIL_SEARCH_MAX}
      />
      {view.status === "ok" ? (
        <>
          {view.rows.length > 0 ? (
            <UsersTable rows={view.rows} />
          ) : (
            <p role="status" className="text-sm text-slate-600">
              No users match.
            </p>
          )}
          <nav aria-label="Pagination" className="flex gap-2 text-sm">
            {view.onLaterPage ? (
              <Link href={paths.admin.usersWith({ q: view.q })} className={LINK}>
                First page
              </Link>
            ) : null}
            {view.nextToken ? (
              <Link href={paths.admin.usersWith({ q: view.q, token: view.nextToken })} className={LINK}>
                Next page
              </Link>
            ) : null}
          </nav>
        </>
      ) : null}
    </div>
  );
}
