type InspectorProps = { claims: unknown; cerbosRequest: unknown; cerbosResponse: unknown };

function JsonBlock({ title, value, testId }: { title: string; value: unknown; testId: string }) {
  return (
    <section className="space-y-1">
      <h3 className="text-sm font-semibold text-slate-700">{title}</h3>
      <pre data-testid={testId} className="max-h-96 overflow-auto rounded-md bg-slate-900 p-3 text-xs leading-relaxed text-slate-100">
        {JSON.stringify(value, null, 2)}
      </pre>
    </section>
  );
}

/** What the original demo printed: verified claims (never the raw token), the Cerbos request and its answer. */
export function Inspector({ claims, cerbosRequest, cerbosResponse }: InspectorProps) {
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <summary className="cursor-pointer font-semibold text-slate-700">Inspector</summary>
      <div className="mt-4 space-y-4">
        <JsonBlock title="Token claims (verified access token)" value={claims} testId="token-claims" />
        <JsonBlock title="Cerbos request (CheckResources)" value={cerbosRequest} testId="cerbos-request" />
        <JsonBlock title="Cerbos response" value={cerbosResponse} testId="cerbos-response" />
      </div>
    </details>
  );
}
