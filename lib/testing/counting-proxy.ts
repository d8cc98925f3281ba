/**
 * An HTTP proxy on loopback that forwards every request to `target` and counts them by path: how many calls really
 * reached the PDP. Test-only; the PDP behind it is the real one. Hand-written: a few lines of node:http.
 */
import { createServer, request as forwardRequest } from "node:http";

export type CountingProxy = {
  readonly url: string;
  /** Requests forwarded since the last reset, e.g. `{ "/api/check/resources": 1 }`. */
  counts(): Record<string, number>;
  /** All requests forwarded since the last reset. */
  total(): number;
  reset(): void;
  close(): Promise<void>;
};

/** Listens on 127.0.0.1:`port` (0, the default: any free port). */
export async function startCountingProxy(target: string, port = 0): Promise<CountingProxy> {
  const upstream = new URL(target);
  let counts: Record<string, number> = {};
  const server = createServer((incoming, outgoing) => {
    const path = incoming.url ?? "/";
    counts[path] = (counts[path] ?? 0) + 1;
    const forwarded = forwardRequest(
      { host: upstream.hostname, port: upstream.port, path, method: incoming.method, headers: incoming.headers },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on("error", () => outgoing.destroy());
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("Expected a TCP address");
  return {
    url: `http://127.0.0.1:${address.port}`,
    counts: () => ({ ...counts }),
    total: () => Object.values(counts).reduce((sum, count) => sum + count, 0),
    reset: () => void (counts = {}),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
