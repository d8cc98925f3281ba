"use client";

import { SERVER_ACTION_TOO_LARGE } from "@/lib/http/limited-body";

/**
 * Anything unexpected: a plain message, never a stack trace (Next hides server error details in production).
 * One error is expected: a form over the server-action size limit, refused by proxy.ts with a text/plain 413 that
 * Next's client turns into this error's message. Only that exact message is shown.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const tooLarge = error.message === SERVER_ACTION_TOO_LARGE;
  return (
    <div className="mx-auto max-w-md space-y-4 rounded-lg border border-slate-200 bg-white p-6 text-center shadow-sm">
      <h1 className="text-xl font-semibold">{tooLarge ? "The form is too large" : "Something went wrong"}</h1>
      <p role="alert" className="text-sm text-slate-600">
        {tooLarge ? SERVER_ACTION_TOO_LARGE : "The page could not be shown. Nothing was changed."}
      </p>
      <button
        type="button"
        onClick={reset}
        className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white"
      >
        Try again
      </button>
    </div>
  );
}
