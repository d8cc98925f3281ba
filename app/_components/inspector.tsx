type InspectorEntry = {
  title: string;
  value: unknown;
  testId: string;
  /** What to say instead of `null` (a call that was not made). */
  whenEmpty?: string;
  /** Show these epoch-second fields of the value (token claims) as ISO dates below it. */
  epochFields?: readonly string[];
};

/** The epoch-second fields of `value` that are numbers, with their ISO 8601 date (UTC). */
export function epochDates(value: unknown, fields: readonly string[]): { field: string; epoch: number; iso: string }[] {
  if (typeof value !== "object" || value === null) return [];
  const record = value as Record<string, unknown>;
  return fields.flatMap((field) => {
    const epoch = record[field];
    return typeof epoch === "number" && Number.isFinite(epoch)
      ? [{ field, epoch, iso: new Date(epoch * 1000).toISOString() }]
      : [];
  });
}

function JsonBlock({ title, value, testId, whenEmpty, epochFields = [] }: InspectorEntry) {
  const text =
    value == null && whenEmpty ? whenEmpty : typeof value === "string" ? value : JSON.stringify(value, null, 2);
  const dates = epochDates(value, epochFields);
  return (
    <section className="min-w-0 space-y-1">
      <h3 className="text-sm font-semibold text-slate-700">{title}</h3>
      <pre
        data-testid={testId}
        // Focusable, so a keyboard can scroll a long block too.
        tabIndex={0}
        // Strings (the SQL filter, the notes) wrap on a narrow screen; JSON keeps its shape and scrolls in its box.
        className={`max-h-96 overflow-auto rounded-md bg-slate-900 p-3 focus:ring-2 focus:ring-indigo-400 focus:outline-none text-xs leading-relaxed text-slate-100 ${typeof value === "string" || value == null ? "break-words whitespace-pre-wrap" : ""}`}
      >
        {text}
      </pre>
      {dates.length > 0 ? (
        <dl data-testid={`${testId}-dates`} className="grid grid-cols-[auto_1fr] gap-x-3 text-xs text-slate-700">
          {dates.map(({ field, epoch, iso }) => (
            <div key={field} className="contents">
              <dt className="font-mono font-medium">{field}</dt>
              <dd className="font-mono break-all">
                {epoch} = <time dateTime={iso}>{iso}</time>
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
    </section>
  );
}

export type InspectorProps = { entries: InspectorEntry[]; /** Said above the entries. */ note?: string };

/**
 * What the original demo printed: verified claims (never the raw token), and what Cerbos was asked and said. Rendered
 * only on the list's `?inspect=1` view, open: a normal load carries none of it (about 90 KB of JSON on a full page).
 */
export function Inspector({ entries, note }: InspectorProps) {
  return (
    <details open className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <summary className="cursor-pointer font-semibold text-slate-700">Inspector</summary>
      {note ? <p className="mt-2 text-sm text-slate-600">{note}</p> : null}
      <div className="mt-4 space-y-4">
        {entries.map((entry) => (
          <JsonBlock key={entry.testId} {...entry} />
        ))}
      </div>
    </details>
  );
}
