"use client";

import { useActionState } from "react";
import { userAction, type UserActionState } from "@/lib/admin/admin-user-actions";
import { ACTION_LABELS, CHANGE_ACTIONS } from "@/lib/admin/user-action-rules";
import type { ActionState } from "@/lib/admin/users-view";
import type { ChangeAction } from "@/lib/admin/user-action-rules";

type UserActionsFormProps = { sub: string; email: string; actions: Record<ChangeAction, ActionState> };

const BUTTON =
  "rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-900 hover:bg-slate-50 disabled:opacity-60";

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

/**
 * One form per user: a submit button per allowed action (the button's name and value say which), the policy's reason
 * where Cerbos denies it, and "not applicable" where it would change nothing. The action decides again on the
 * reloaded user: what the page shows is never what authorizes.
 */
export function UserActionsForm({ sub, email, actions }: UserActionsFormProps) {
  const [state, formAction, pending] = useActionState(userAction, { status: "idle" });
  return (
    <form action={formAction} className="space-y-2" aria-label={`Actions for ${email}`}>
      <input type="hidden" name="sub" value={sub} />
      <ul className="flex flex-wrap gap-2">
        {CHANGE_ACTIONS.map((action) => {
          const { state: decision, reason } = actions[action];
          return (
            <li key={action} data-action={action} data-state={decision}>
              {decision === "allowed" ? (
                <button type="submit" name="action" value={action} disabled={pending} className={BUTTON}>
                  {ACTION_LABELS[action]}
                </button>
              ) : (
                <span className="inline-flex flex-col rounded-md border border-dashed border-slate-300 px-2.5 py-1 text-xs">
                  <span className="font-medium text-slate-700">{ACTION_LABELS[action]}</span>
                  <span className="text-slate-600">
                    {decision === "denied" ? "Denied" : "Not applicable"}: {reason}
                  </span>
                </span>
              )}
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
