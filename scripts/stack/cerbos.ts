import { startChild, stopChild, waitForHealthy, type ManagedChild } from "@/scripts/stack/processes";

/** Printed at every start, even at warn: the local stack exports no traces on purpose. */
const isTracingNotice = (line: string) => line.includes("Disabling OTLP traces");

/**
 * The Cerbos PDP as a child that may come and go at run time. Unlike the stand-in and Next, its exit does not stop
 * the stack: the app must fail closed without it, and the end-to-end tests stop and restart it on purpose.
 */
export class CerbosController {
  readonly url: string;
  private child: ManagedChild | undefined;
  /** Serialises start/stop so overlapping signals cannot start two PDPs on one port. */
  private queue: Promise<void> = Promise.resolve();
  private stopping = false;

  /** `auditLogPath`: the PDP's decision log (cerbos/config.yaml's audit block), which the app's Audit page reads. */
  constructor(
    private readonly httpPort: number,
    private readonly grpcPort: number,
    readonly auditLogPath: string,
  ) {
    this.url = `http://127.0.0.1:${httpPort}`;
  }

  start(): Promise<void> {
    return this.enqueue(async () => {
      if (this.child && !this.child.hasExited()) return;
      console.log("[stack] starting Cerbos");
      const child = startChild(
        "cerbos",
        process.execPath,
        [
          "node_modules/cerbos/index.js",
          "server",
          "--config=cerbos/config.yaml",
          // At info the PDP logs every request (about a thousand lines in one e2e run); warnings and errors stay.
          "--log-level=warn",
          `--set=server.httpListenAddr=127.0.0.1:${this.httpPort}`,
          `--set=server.grpcListenAddr=127.0.0.1:${this.grpcPort}`,
          `--set=audit.file.path=${this.auditLogPath}`,
        ],
        { ...process.env, CERBOS_NO_TELEMETRY: "1" },
        { drop: isTracingNotice },
      );
      this.child = child;
      void child.exited.then((result) => {
        if (this.child === child && !this.stopping)
          console.log(`[stack] Cerbos exited (${result}); the app now fails closed`);
      });
      await waitForHealthy(`${this.url}/_cerbos/health`, child, 60_000);
      console.log(`[stack] Cerbos healthy at ${this.url}`);
    });
  }

  stop(): Promise<void> {
    return this.enqueue(async () => {
      const child = this.child;
      if (!child || child.hasExited()) return;
      console.log("[stack] stopping Cerbos");
      this.stopping = true;
      try {
        await stopChild(child);
      } finally {
        this.stopping = false;
      }
      console.log("[stack] Cerbos stopped");
    });
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.queue.then(task);
    // A failed step must not block the next signal.
    this.queue = run.catch(() => {});
    return run;
  }
}
