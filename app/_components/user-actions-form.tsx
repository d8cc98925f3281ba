"use client";

import { useActionState } from "react";
import { userAction, type UserActionState } from "@/lib/admin/admin-user-actions";
import { ACTION_LABELS, ACTION_PAIRS } from "@/lib/admin/user-action-rules";
import type { ActionState } from "@/lib/admin/users-view";
import type { ChangeAction } from "@/lib/admin/user-action-rules";

type UserActionsFormProps = { sub: string; email: string; actions: Record<ChangeAction, ActionState> };

const BUTTON =
  "w-fit " +
  "rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium whitespace-nowrap text-slate-900 hover:bg-slate-50 disabled:opacity-60";

/** The outcome of this row's last action; the temporary password is shown here once and kept nowhere else. */
function Outcome({ state }: { state: UserActionState }) {
  if (state.status === "idle") return null;
  if (state.status === "error") {
    return (
      <p data-outcome="error" data-code={state.code} className="text-xs text-red-700">
        {state.message}
      </p>
    );
  }
  return (
    <div data-outcome="done" className="space-y-1 text-xs text-emerald-800">
      <p>{state.message}</p>
      {state.temporaryPassword ? (
        <p>
          Temporary password (shown once; the user must choose a new one at sign-in):{" "}
          <code
            data-testid="temporary-password"
            className="rounded bg-slate-100 px-1 font-mono break-all text-slate-900"
          >
            {state.temporaryPassword}
          </code>
        </p>
      ) : null}
    </div>
  );
}

/** The control of a pair that would change something: a no-op is never offered, nor shown as a decision. */
function shownAction(pair: readonly ChangeAction[], actions: Record<ChangeAction, ActionState>): ChangeAction | null {
  return pair.find((action) => actions[action].state !== "not-applicable") ?? null;
}

/**
 * One form per user: per pair of actions the one that applies, with Cerbos's decision and its reason as the contacts
 * table shows them, and a submit button (its name and value say which action) when allowed. The action decides
 * again on the reloaded user: what the page shows is never what authorizes.
 */
export function UserActionsForm({ sub, email, actions }: UserActionsFormProps) {
  const [state, formAction, pending] = useActionState(userAction, { status: "idle" });
  return (
    <form action={formAction} className="space-y-2" aria-label={`Actions for ${email}`}>
      <input type="hidden" name="sub" value={sub} />
      <ul className="flex flex-col gap-1.5">
        {ACTION_PAIRS.map((pair) => {
          const action = shownAction(pair, actions);
          if (!action) return null;
          const { state: decision, reason } = actions[action];
          const allowed = decision === "allowed";
          return (
            <li
              key={action}
              data-action={action}
              data-state={decision}
              className="grid grid-cols-[10.5rem_minmax(8rem,1fr)] items-center gap-2 max-sm:grid-cols-1 max-sm:gap-1"
            >
              {allowed ? (
                <button type="submit" name="action" value={action} disabled={pending} className={BUTTON}>
                  {ACTION_LABELS[action]}
                </button>
              ) : (
                <span className="py-1 text-xs font-medium whitespace-nowrap text-slate-700">
                  {ACTION_LABELS[action]}
                </span>
              )}
              <span className="flex items-center gap-1.5" data-allowed={allowed}>
                <span className="decision-badge">{allowed ? "Allowed" : "Denied"}</span>
                <span className="decision-reason">{reason}</span>
              </span>
            </li>
          );
        })}
      </ul>
      <div role="status" aria-live="polite">
        <Outcome state={state} />
      </div>
    </form>
  );
}
