"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";

/** Starts next-auth's Cognito provider: the Hosted UI with PKCE and state. */
export function HostedUiButton({ callbackUrl }: { callbackUrl: string }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signIn("cognito", { callbackUrl });
      }}
      className="w-full rounded-md border border-slate-300 bg-white px-4 py-2 font-medium text-slate-800 shadow-sm hover:bg-slate-50 disabled:opacity-60"
    >
      Sign in with Cognito Hosted UI
    </button>
  );
}
