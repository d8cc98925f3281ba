/** Stand-ins for a broken PDP, on loopback ports chosen by the OS. Test-only. */
import { createServer as createHttpServer, type RequestListener } from "node:http";
import { createServer as createTcpServer, type Server, type Socket } from "node:net";

export type FakeServer = { url: string; close: () => Promise<void> };

async function listen(server: Server, sockets: Set<Socket>): Promise<FakeServer> {
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("Expected a TCP address");
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Accepts connections and never answers. */
export async function startSilentServer(): Promise<FakeServer> {
  return await listen(createTcpServer(), new Set());
}

export async function startHttpServer(handler: RequestListener): Promise<FakeServer> {
  return await listen(createHttpServer(handler), new Set());
}

/** A loopback URL on which nothing listens (a port the OS just handed out and took back). */
export async function findClosedPortUrl(): Promise<string> {
  const server = await startSilentServer();
  await server.close();
  return server.url;
}
