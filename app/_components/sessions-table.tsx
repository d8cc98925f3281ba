import { revokeSessionAction } from "@/lib/auth/session/actions";
import { CARD_CELL, CARD_ROW, ResponsiveTable } from "@/app/_components/responsive-table";

export type SessionSummary = { id: string; method: string; userAgent: string; createdAt: Date; lastSeenAt: Date };

type SessionsTableProps = { sessions: SessionSummary[]; currentId: string | undefined };

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

function methodLabel(method: string): string {
  return method === "hosted-ui" ? "Hosted UI" : "Email and password";
}

// Below `sm` each session is a card: cells stacked, each labelled by its column (responsive-table.tsx).
const COLUMNS = ["Signed in with", "Browser", "Signed in (UTC)", "Last seen (UTC)", { hidden: "Actions" }] as const;

/**
 * A server component: each row's button is a plain form posting to a server action, so it works without JavaScript.
 * The explicit roles keep the table's semantics when CSS changes its display on a phone.
 */
export function SessionsTable({ sessions, currentId }: SessionsTableProps) {
  return (
    <ResponsiveTable caption="Active sessions" columns={COLUMNS}>
      {sessions.map((session) => {
        const current = session.id === currentId;
        return (
          <tr role="row" key={session.id} data-current={current} className={CARD_ROW}>
            <td role="cell" data-label="Signed in with" className={CARD_CELL}>
              {methodLabel(session.method)}
              {current ? (
                <span className="ml-2 rounded-full bg-indigo-100 px-2 py-0.5 text-xs text-indigo-800">
                  This browser
                </span>
              ) : null}
            </td>
            <td role="cell" data-label="Browser" className={CARD_CELL}>
              {session.userAgent}
            </td>
            <td role="cell" data-label="Signed in (UTC)" className={CARD_CELL}>
              {when.format(session.createdAt)}
            </td>
            <td role="cell" data-label="Last seen (UTC)" className={CARD_CELL}>
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
    </ResponsiveTable>
  );
}
