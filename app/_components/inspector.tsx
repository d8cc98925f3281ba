type InspectorEntry = { title: string; value: unknown; testId: string };

function JsonBlock({ title, value, testId }: InspectorEntry) {
  return (
    <section className="space-y-1">
      <h3 className="text-sm font-semibold text-slate-700">{title}</h3>
      <pre
        data-testid={testId}
        className="max-h-96 overflow-auto rounded-md bg-slate-900 p-3 text-xs leading-relaxed text-slate-100"
      >
        {typeof value === "string" ? value : JSON.stringify(value, null, 2)}
      </pre>
    </section>
  );
}

/** What the original demo printed: verified claims (never the raw token), and what Cerbos was asked and said. */
export function Inspector({ entries }: { entries: InspectorEntry[] }) {
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <summary className="cursor-pointer font-semibold text-slate-700">Inspector</summary>
      <div className="mt-4 space-y-4">
        {entries.map((entry) => (
          <JsonBlock key={entry.testId} {...entry} />
        ))}
      </div>
    </details>
  );
}
