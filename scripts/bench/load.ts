import { get } from "node:http";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import autocannon from "autocannon";
import { pdpCallsBetween, pdpCallsFromMetrics, type PdpCalls } from "@/scripts/bench/metrics";
import type { BenchServer } from "@/scripts/bench/servers";
import type { Round } from "@/scripts/bench/stats";
import type { BenchRequest } from "@/scripts/bench/workload";

export async function readPdpCalls(pdpUrl: string): Promise<PdpCalls> {
  const response = await fetch(`${pdpUrl}/_cerbos/metrics`);
  if (!response.ok) throw new Error(`the PDP's metrics answered ${response.status}`);
  return pdpCallsFromMetrics(await response.text());
}

/**
 * The PDP's counters once they stop moving: requests still in flight when autocannon stops a round finish (and call
 * the PDP) afterwards, and must be counted in their own round, not the next one (which may be the other server's).
 */
export async function settledPdpCalls(pdpUrl: string): Promise<PdpCalls> {
  let previous = await readPdpCalls(pdpUrl);
  for (let attempt = 0; attempt < 40; attempt++) {
    await sleep(50);
    const current = await readPdpCalls(pdpUrl);
    if (JSON.stringify(current) === JSON.stringify(previous)) return current;
    previous = current;
  }
  return previous;
}

export type RoundBounds = { seconds: number } | { amount: number };

/**
 * One autocannon run against one server. Every response's latency and size is kept (percentiles are pooled over
 * rounds later); the PDP's counters are read before and after, off the measured path.
 */
export async function runRound(
  server: BenchServer,
  connections: number,
  bounds: RoundBounds,
  next: () => BenchRequest,
  pdpUrl: string,
): Promise<Round> {
  const before = await settledPdpCalls(pdpUrl);
  const latenciesMs: number[] = [];
  let bytes = 0;
  let non2xx = 0;
  const options: autocannon.Options = {
    url: server.url,
    connections,
    pipelining: 1,
    timeout: 30,
    ...("amount" in bounds ? { amount: bounds.amount } : { duration: bounds.seconds }),
    requests: [
      {
        method: "GET",
        setupRequest: (request) => {
          const { path, headers } = next();
          return { ...request, path, headers: { ...request.headers, ...headers } };
        },
      },
    ],
  };
  // Timed here, not by autocannon: it notices the end of a run only on its next one-second sample.
  const startedAt = performance.now();
  let lastResponseAt = startedAt;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error, done) => (error ? reject(error) : resolve(done)));
    instance.on("response", (_client, statusCode, resBytes, responseTime) => {
      lastResponseAt = performance.now();
      latenciesMs.push(responseTime);
      bytes += resBytes;
      if (statusCode < 200 || statusCode > 299) non2xx += 1;
    });
  });
  // A timed round ends with requests in flight, which the server still serves (asking the PDP): none takes much
  // longer than the slowest answer of the round, so wait that long before the PDP's counters are read.
  await sleep(Math.min(5_000, 100 + 1.5 * Math.max(0, ...latenciesMs)));
  const calls = pdpCallsBetween(before, await settledPdpCalls(pdpUrl));
  return {
    variant: server.variant,
    responses: latenciesMs.length,
    sent: Math.max(result.requests.sent, latenciesMs.length),
    non2xx,
    errors: result.errors,
    seconds: (lastResponseAt - startedAt) / 1000,
    latenciesMs,
    bytes,
    pdpCalls: calls.total,
    pdpCallsByMethod: calls.byMethod,
  };
}

/**
 * The size of one answer's body as a browser receives it (gzip, which `next start` applies when asked): autocannon
 * asks for uncompressed answers, so its byte counts are the uncompressed size. Read once per case, off the measured
 * path, with node:http because fetch would decompress the body before it could be counted.
 */
export function gzipBytes(server: BenchServer, request: BenchRequest): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers = { ...request.headers, "accept-encoding": "gzip" };
    const outgoing = get(`${server.url}${request.path}`, { headers, timeout: 10_000 }, (response) => {
      let bytes = 0;
      response.on("data", (chunk: Buffer) => (bytes += chunk.length));
      response.on("end", () =>
        response.statusCode === 200 ? resolve(bytes) : reject(new Error(`${request.path}: ${response.statusCode}`)),
      );
      response.on("error", reject);
    });
    outgoing.on("timeout", () => outgoing.destroy(new Error(`${request.path}: no answer in 10 s`)));
    outgoing.on("error", reject);
  });
}
