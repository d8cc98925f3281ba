import type { Metadata } from "next";
import Link from "next/link";
import { SessionsTable } from "@/app/_components/sessions-table";
import { requireUser } from "@/lib/auth/current-user";
import { signOutEverywhereAction } from "@/lib/auth/session/actions";
import { listUserSessions } from "@/lib/auth/session/app-registry";
import { loadOrUnavailable } from "@/lib/pages/load-or-unavailable";
import { paths } from "@/lib/paths";

export const metadata: Metadata = { title: "Your sessions" };

type SessionsPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const NOTICES: Record<string, { role: "status" | "alert"; text: string }> = {
  revoked: { role: "status", text: "The session was signed out." },
  "not-found": { role: "alert", text: "That session is not one of your active sessions; nothing was changed." },
  invalid: { role: "alert", text: "That is not a valid session; nothing was changed." },
};

export default async function SessionsPage({ searchParams }: SessionsPageProps) {
  const params = await searchParams;
  const user = await requireUser(paths.sessions);
  const sessions = await loadOrUnavailable(() => listUserSessions(user.sub), paths.sessions, user);
  const error = typeof params.error === "string" ? NOTICES[params.error] : undefined;
  const notice = params.revoked === "1" ? NOTICES.revoked : error;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Your sessions</h1>
        <Link href={paths.contacts} className="text-sm font-medium text-indigo-700 hover:underline">
          Back to contacts
        </Link>
      </div>
      <p className="text-sm text-slate-600">
        Every browser where you are signed in to this app. Sign out any you do not recognise, or all of them at once.
      </p>
      {notice ? (
        <p role={notice.role} className="rounded-md bg-slate-100 px-4 py-3 text-sm text-slate-800">
          {notice.text}
        </p>
      ) : null}
      <SessionsTable
        currentId={user.sessionId}
        sessions={sessions.map(({ id, method, userAgent, createdAt, lastSeenAt }) => {
          return { id, method, userAgent, createdAt, lastSeenAt };
        })}
      />
      <form action={signOutEverywhereAction}>
        <button
          type="submit"
          className="rounded-md bg-rose-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-rose-500"
        >
          Sign out everywhere
        </button>
      </form>
    </div>
  );
}
