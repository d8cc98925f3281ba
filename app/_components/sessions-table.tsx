import { revokeSessionAction } from "@/lib/auth/session/actions";

export type SessionSummary = { id: string; method: string; userAgent: string; createdAt: Date; lastSeenAt: Date };

type SessionsTableProps = { sessions: SessionSummary[]; currentId: string | undefined };

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

function methodLabel(method: string): string {
  return method === "hosted-ui" ? "Hosted UI" : "Email and password";
}

/** A server component: each row's button is a plain form posting to a server action, so it works without JavaScript. */
export function SessionsTable({ sessions, currentId }: SessionsTableProps) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="px-4 py-3 text-left font-semibold text-slate-700">Active sessions</caption>
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-2">
              Signed in with
            </th>
            <th scope="col" className="px-4 py-2">
              Browser
            </th>
            <th scope="col" className="px-4 py-2">
              Signed in (UTC)
            </th>
            <th scope="col" className="px-4 py-2">
              Last seen (UTC)
            </th>
            <th scope="col" className="px-4 py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {sessions.map((session) => {
            const current = session.id === currentId;
            return (
              <tr key={session.id} data-current={current}>
                <td className="px-4 py-2">
                  {methodLabel(session.method)}
                  {current ? (
                    <span className="ml-2 rounded-full bg-indigo-100 px-2 py-0.5 text-xs text-indigo-800">
                      This browser
                    </span>
                  ) : null}
                </td>
                <td className="px-4 py-2">{session.userAgent}</td>
                <td className="px-4 py-2">{when.format(session.createdAt)}</td>
                <td className="px-4 py-2">{when.format(session.lastSeenAt)}</td>
                <td className="px-4 py-2 text-right">
                  <form action={revokeSessionAction}>
                    <input type="hidden" name="sessionId" value={session.id} />
                    <button
                      type="submit"
                      className="rounded-md border border-slate-300 px-3 py-1 text-xs font-medium hover:bg-slate-50"
                    >
                      {current ? "Sign out this browser" : "Sign out this session"}
                    </button>
                  </form>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
