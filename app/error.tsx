"use client";

/** Anything unexpected: a plain message, never a stack trace (Next hides server error details in production). */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-md space-y-4 rounded-lg border border-slate-200 bg-white p-6 text-center shadow-sm">
      <h1 className="text-xl font-semibold">Something went wrong</h1>
      <p className="text-sm text-slate-600">The page could not be shown. Nothing was changed.</p>
      <button type="button" onClick={reset} className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white">
        Try again
      </button>
    </div>
  );
}
