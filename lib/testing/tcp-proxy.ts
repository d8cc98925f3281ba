/**
 * A TCP proxy on loopback that can pass traffic through, delay what the client sends, or black-hole it (accept,
 * never answer), switchable while it runs. Test-only: it makes a slow or hung PDP, stand-in or database out of the
 * real one. Hand-written because no package on this registry does this in-process (toxiproxy is a separate binary)
 * and the job is a few dozen lines of node:net.
 */
import { connect, createServer, type Socket } from "node:net";

export type ProxyMode = { kind: "pass" } | { kind: "delay"; ms: number } | { kind: "black-hole" };

export type TcpProxy = {
  readonly port: number;
  /** `http://127.0.0.1:<port>`, for HTTP targets. */
  readonly url: string;
  setMode(mode: ProxyMode): void;
  close(): Promise<void>;
};

type Connection = { client: Socket; upstream: Socket; dropped: boolean; queue: Promise<void> };

function destroy(connection: Connection): void {
  connection.client.destroy();
  connection.upstream.destroy();
}

function forward(connection: Connection, chunk: Buffer, mode: ProxyMode, toUpstream: boolean): void {
  const target = toUpstream ? connection.upstream : connection.client;
  if (mode.kind === "black-hole") {
    connection.dropped = true;
    return;
  }
  if (mode.kind === "pass" || !toUpstream) {
    target.write(chunk);
    return;
  }
  // Chained, so delayed chunks keep their order.
  connection.queue = connection.queue
    .then(() => new Promise<void>((resolve) => setTimeout(resolve, mode.ms)))
    .then(() => void (target.destroyed || target.write(chunk)));
}

/** Listens on 127.0.0.1:`port` (0: any free port) and forwards to `target`. */
export async function startTcpProxy(
  target: { host: string; port: number },
  options: { port?: number; mode?: ProxyMode } = {},
): Promise<TcpProxy> {
  let mode: ProxyMode = options.mode ?? { kind: "pass" };
  const connections = new Set<Connection>();
  const server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    const connection: Connection = { client, upstream, dropped: false, queue: Promise.resolve() };
    connections.add(connection);
    const end = () => {
      connections.delete(connection);
      destroy(connection);
    };
    client.on("data", (chunk: Buffer) => forward(connection, chunk, mode, true));
    upstream.on("data", (chunk: Buffer) => forward(connection, chunk, mode, false));
    for (const socket of [client, upstream]) socket.on("error", end).on("close", end);
  });
  await new Promise<void>((resolve, reject) =>
    server.once("error", reject).listen(options.port ?? 0, "127.0.0.1", resolve),
  );
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("Expected a TCP address");
  return {
    port: address.port,
    url: `http://127.0.0.1:${address.port}`,
    setMode(next) {
      mode = next;
      // A connection that lost bytes in the black hole carries a broken stream: drop it, as a real outage would.
      if (next.kind === "black-hole") return;
      for (const connection of connections) if (connection.dropped) destroy(connection);
    },
    async close() {
      for (const connection of connections) destroy(connection);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
