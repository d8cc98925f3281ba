/**
 * An HTTP proxy on loopback in front of the Cognito stand-in that forwards every request, and for the operations
 * chosen (by the SDK's `X-Amz-Target`, e.g. "AdminDisableUser") lets the stand-in act but never passes its answer
 * back: a change Cognito made whose answer was lost. Test-only; a few lines of node:http.
 */
import { createServer, request as forwardRequest } from "node:http";

export type AnswerDroppingProxy = {
  readonly url: string;
  /** Operations whose answers are dropped from now on (none: pass everything). */
  dropAnswersTo(operations: string[]): void;
  close(): Promise<void>;
};

export async function startAnswerDroppingProxy(target: string, port: number): Promise<AnswerDroppingProxy> {
  const upstream = new URL(target);
  let dropped = new Set<string>();
  const server = createServer((incoming, outgoing) => {
    const operation =
      String(incoming.headers["x-amz-target"] ?? "")
        .split(".")
        .at(-1) ?? "";
    const drop = dropped.has(operation);
    const forwarded = forwardRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        path: incoming.url,
        method: incoming.method,
        headers: incoming.headers,
      },
      (answer) => {
        // Read to the end, so the stand-in finishes the call, and keep the client waiting.
        if (drop) return void answer.resume();
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on("error", () => outgoing.destroy());
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    dropAnswersTo: (operations) => void (dropped = new Set(operations)),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
