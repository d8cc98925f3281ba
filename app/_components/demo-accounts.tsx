"use client";

import type { DemoAccount } from "@/lib/auth/sign-in/demo-users";

type DemoAccountsProps = { accounts: DemoAccount[]; onPick: (account: DemoAccount) => void };

const RESET = "npm run cognito:reset";

/** Local mode only: the stand-in's seeded accounts; picking one fills the sign-in form. */
export function DemoAccounts({ accounts, onPick }: DemoAccountsProps) {
  const changed = accounts.filter((account) => account.temporary === "changed");
  return (
    <section aria-labelledby="demo-accounts-heading" className="space-y-3 border-t border-slate-200 pt-4">
      <h2 id="demo-accounts-heading" className="text-sm font-semibold text-slate-700">
        Demo accounts (local Cognito stand-in)
      </h2>
      {changed.length > 0 ? (
        <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {changed.map((account) => account.email).join(", ")} already replaced the temporary password, so it no longer
          works. <code className="font-mono">{RESET}</code>, then restarting the stack, brings it back.
        </p>
      ) : null}
      <ul className="space-y-2">
        {accounts.map((account) => (
          <li key={account.email}>
            <button
              type="button"
              onClick={() => onPick(account)}
              className="w-full rounded-md border border-slate-200 px-3 py-2 text-left text-sm hover:border-indigo-300 hover:bg-indigo-50"
            >
              <span className="block font-medium text-slate-900">{account.email}</span>
              <span className="block text-slate-600">{account.can}</span>
              {account.temporary === "changed" ? (
                <span className="block text-amber-900">
                  Temporary password already replaced: <code className="font-mono">{RESET}</code> restores it.
                </span>
              ) : null}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
