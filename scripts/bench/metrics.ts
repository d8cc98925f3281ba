/**
 * Pure readers for what the benchmark samples: the PDP's Prometheus metrics (calls served) and /proc (RSS of a
 * process tree). Kept apart from the sampling so they are unit-tested on fixed text.
 */

/** PDP calls by method (CheckResources, PlanResources), from Cerbos' `/_cerbos/metrics`. */
export type PdpCalls = Record<string, number>;

const RPC_COUNT = /^rpc_server_duration_milliseconds_count\{([^}]*)\}\s+(\S+)$/;

/**
 * Cerbos 0.51 serves its HTTP API through its gRPC service, and counts every call it handles in the
 * `rpc_server_duration_milliseconds` histogram, labelled by method (health checks are another service).
 */
export function pdpCallsFromMetrics(text: string): PdpCalls {
  const calls: PdpCalls = {};
  for (const line of text.split("\n")) {
    const match = RPC_COUNT.exec(line.trim());
    if (!match) continue;
    const labels = Object.fromEntries(
      [...(match[1] ?? "").matchAll(/(\w+)="([^"]*)"/g)].map(([, key, value]) => [key, value]),
    );
    if (labels.rpc_service !== "cerbos.svc.v1.CerbosService" || !labels.rpc_method) continue;
    calls[labels.rpc_method] = (calls[labels.rpc_method] ?? 0) + Number(match[2]);
  }
  return calls;
}

/** Calls made between two readings, by method, and in all. */
export function pdpCallsBetween(before: PdpCalls, after: PdpCalls): { total: number; byMethod: PdpCalls } {
  const byMethod: PdpCalls = {};
  for (const method of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const delta = (after[method] ?? 0) - (before[method] ?? 0);
    if (delta !== 0) byMethod[method] = delta;
  }
  return { total: Object.values(byMethod).reduce((sum, value) => sum + value, 0), byMethod };
}

/** VmRSS of /proc/<pid>/status, in bytes (0 when the line is missing: a zombie has none). */
export function rssFromStatus(status: string): number {
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  return match ? Number(match[1]) * 1024 : 0;
}

/** The parent pid in /proc/<pid>/stat (the command may contain spaces and parentheses: read after the last ')'). */
export function parentFromStat(stat: string): number | undefined {
  const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const parent = Number(rest[1]);
  return Number.isInteger(parent) ? parent : undefined;
}

/** `root` and every process below it, given each process's parent. */
export function processTree(root: number, parents: ReadonlyMap<number, number>): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, parent] of parents) children.set(parent, [...(children.get(parent) ?? []), pid]);
  const tree: number[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const pid = pending.pop() as number;
    if (tree.includes(pid)) continue;
    tree.push(pid);
    pending.push(...(children.get(pid) ?? []));
  }
  return tree;
}
