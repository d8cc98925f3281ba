import { revokeSessionAction } from "@/lib/auth/session/actions";

export type SessionSummary = { id: string; method: string; userAgent: string; createdAt: Date; lastSeenAt: Date };

type SessionsTableProps = { sessions: SessionSummary[]; currentId: string | undefined };

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

function methodLabel(method: string): string {
  return method === "hosted-ui" ? "Hosted UI" : "Email and password";
}

// Below `sm` each session is a card (as in the permissions table): cells stacked, each labelled by its column.
const ROW = "max-sm:block max-sm:space-y-2 max-sm:px-4 max-sm:py-3";
const CELL =
  "px-4 py-2 max-sm:block max-sm:p-0 max-sm:before:block max-sm:before:text-xs max-sm:before:font-medium max-sm:before:text-slate-600 max-sm:before:uppercase max-sm:before:content-[attr(data-label)]";

/**
 * A server component: each row's button is a plain form posting to a server action, so it works without JavaScript.
 * The explicit roles keep the table's semantics when CSS changes its display on a phone.
 */
export function SessionsTable({ sessions, currentId }: SessionsTableProps) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table role="table" className="min-w-full divide-y divide-slate-200 text-sm max-sm:block">
        <caption className="px-4 py-3 max-sm:block text-left font-semibold text-slate-700">Active sessions</caption>
        <thead
          role="rowgroup"
          className="bg-slate-50 text-left text-xs tracking-wide text-slate-600 uppercase max-sm:sr-only"
        >
          <tr role="row">
            <th role="columnheader" scope="col" className="px-4 py-2">
              Signed in with
            </th>
            <th role="columnheader" scope="col" className="px-4 py-2">
              Browser
            </th>
            <th role="columnheader" scope="col" className="px-4 py-2">
              Signed in (UTC)
            </th>
            <th role="columnheader" scope="col" className="px-4 py-2">
              Last seen (UTC)
            </th>
            <th role="columnheader" scope="col" className="px-4 py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody role="rowgroup" className="divide-y divide-slate-100 max-sm:block">
          {sessions.map((session) => {
            const current = session.id === currentId;
            return (
              <tr role="row" key={session.id} data-current={current} className={ROW}>
                <td role="cell" data-label="Signed in with" className={CELL}>
                  {methodLabel(session.method)}
                  {current ? (
                    <span className="ml-2 rounded-full bg-indigo-100 px-2 py-0.5 text-xs text-indigo-800">
                      This browser
                    </span>
                  ) : null}
                </td>
                <td role="cell" data-label="Browser" className={CELL}>
                  {session.userAgent}
                </td>
                <td role="cell" data-label="Signed in (UTC)" className={CELL}>
                  {when.format(session.createdAt)}
                </td>
                <td role="cell" data-label="Last seen (UTC)" className={CELL}>
                  {when.format(session.lastSeenAt)}
                </td>
                <td role="cell" className="px-4 py-2 text-right max-sm:block max-sm:p-0 max-sm:pt-1 max-sm:text-left">
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
