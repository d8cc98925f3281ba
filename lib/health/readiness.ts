/**
 * Readiness: whether this instance can serve a signed-in request right now. Each dependency is probed with its own
 * deadline, in parallel, and reported as ok/unavailable with its latency only: no URLs, hosts or error messages, as
 * the answer is public (load balancers and orchestrators call it without credentials).
 */
export type DependencyName = "cerbos" | "jwks" | "database";
export type DependencyStatus = { status: "ok" | "unavailable"; latencyMs: number };
export type Readiness = { status: "ok" | "unavailable"; checks: Record<DependencyName, DependencyStatus> };

/** Resolves when the dependency answered well; rejects (or never settles) otherwise. */
export type Probe = (signal: AbortSignal) => Promise<void>;
export type TimedProbe = { probe: Probe; timeoutMs: number };

const roundMs = (ms: number) => Math.round(ms * 10) / 10;

/**
 * The deadline aborts the probe's own call and, should a probe ignore its signal, still answers on time: a hung
 * dependency must make readiness say "unavailable", never make it hang.
 */
export async function runProbe({ probe, timeoutMs }: TimedProbe): Promise<DependencyStatus> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => {
      controller.abort(new Error("readiness probe deadline"));
      resolve("timeout");
    }, timeoutMs);
  });
  const started = performance.now();
  try {
    const outcome = await Promise.race([probe(controller.signal).then(() => "ok" as const), expired]);
    return { status: outcome === "ok" ? "ok" : "unavailable", latencyMs: roundMs(performance.now() - started) };
  } catch {
    return { status: "unavailable", latencyMs: roundMs(performance.now() - started) };
  } finally {
    clearTimeout(timer);
  }
}

export async function checkReadiness(probes: Record<DependencyName, TimedProbe>): Promise<Readiness> {
  const names = Object.keys(probes) as DependencyName[];
  const results = await Promise.all(names.map((name) => runProbe(probes[name])));
  const checks = Object.fromEntries(names.map((name, i) => [name, results[i]])) as Readiness["checks"];
  const status = results.every((result) => result.status === "ok") ? "ok" : "unavailable";
  return { status, checks };
}
