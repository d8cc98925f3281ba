import type { ReactNode } from "react";
import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/current-user";
import { rolesFromGroups } from "@/lib/authz/principal";
import { paths } from "@/lib/paths";
import { APP_NAME } from "@/lib/site";

const LINK_CLASSES = "rounded-md px-2 py-1 font-medium text-indigo-700 hover:bg-indigo-50 hover:underline";

/**
 * The one header of every signed-in page: the app's name, where to go, who is signed in with which roles, and
 * sign-out (a plain POST: it works without JavaScript). Presentation only: it shows the request's user (verified
 * once per request, shared with the page through React's cache) and renders nothing for a signed-out visitor;
 * each page still authenticates and authorizes itself.
 */
export async function SignedInHeader() {
  const resolution = await getCurrentUser();
  if (resolution.status !== "signed-in") return null;
  const { email, username, groups, via } = resolution.user;
  const roles = rolesFromGroups(groups);
  return (
    <header className="mb-8 flex flex-wrap items-center justify-between gap-x-6 gap-y-3 rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm">
      <nav aria-label="Main" className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <Link href={paths.contacts} className="mr-2 text-base font-semibold text-slate-900 hover:underline">
          {APP_NAME}
        </Link>
        <Link href={paths.contacts} className={LINK_CLASSES}>
          Contacts
        </Link>
        <Link href={paths.sessions} className={LINK_CLASSES}>
          Sessions
        </Link>
        {/* Presentation only, from the roles: the Audit page itself asks Cerbos (audit_log "view"). */}
        {/* The same for Users: the console asks Cerbos (user "view") on the page and again in every action. */}
        {roles.includes("admin") ? (
          <>
            <Link href={paths.audit} className={LINK_CLASSES}>
              Audit
            </Link>
            <Link href={paths.admin.users} className={LINK_CLASSES}>
              Users
            </Link>
          </>
        ) : null}
      </nav>
      <div className="flex min-w-0 flex-wrap items-center gap-x-4 gap-y-2">
        <div data-testid="signed-in-user" className="min-w-0 text-sm">
          <p className="font-medium break-all text-slate-900">{email ?? username}</p>
          <p className="text-slate-600">
            Roles: {roles.length > 0 ? roles.join(", ") : "none"} · signed in with{" "}
            {via === "hosted-ui" ? "the Hosted UI" : "email and password"}
          </p>
        </div>
        <form action={paths.signOut} method="post">
          <button
            type="submit"
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50"
          >
            Sign out
          </button>
        </form>
      </div>
    </header>
  );
}

/** The layout of the signed-in sections (contacts, sessions): the header above the page. */
export function SignedInLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SignedInHeader />
      {children}
    </>
  );
}
