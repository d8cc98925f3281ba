/** Starts the real Cerbos PDP (from the `cerbos` npm package) for integration tests. Test-only. */
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

export type PdpProcess = { url: string; stop: () => Promise<void> };

/**
 * The binary itself, resolved as node_modules/cerbos/index.js does: that wrapper runs it with
 * execFileSync, so killing the wrapper would leave the PDP running and holding its ports.
 */
function resolvePdpBinary(): string {
  const require = createRequire(import.meta.url);
  return require.resolve(`@cerbos/cerbos-${process.platform}-${process.arch}`);
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The PDP exited with ${child.exitCode}:\n${output()}`);
    const healthy = await fetch(`${url}/_cerbos/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The PDP did not become healthy at ${url}:\n${output()}`);
}

/**
 * `options.decisionLog`: where the PDP writes its decision log (cerbos/config.yaml's audit block); without it the
 * audit log is off, so suites running side by side never share one file.
 */
export async function startPdp(
  httpPort: number,
  grpcPort: number,
  options: { decisionLog?: string } = {},
): Promise<PdpProcess> {
  const audit = options.decisionLog ? `--set=audit.file.path=${options.decisionLog}` : "--set=audit.enabled=false";
  const child = spawn(
    resolvePdpBinary(),
    [
      "server",
      "--config=cerbos/config.yaml",
      // Warnings and errors only (kept for the failure message below); no usage telemetry from a test.
      "--log-level=warn",
      `--set=server.httpListenAddr=127.0.0.1:${httpPort}`,
      `--set=server.grpcListenAddr=127.0.0.1:${grpcPort}`,
      audit,
    ],
    { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, CERBOS_NO_TELEMETRY: "1" } },
  );
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);

  const url = `http://127.0.0.1:${httpPort}`;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) child.kill("SIGTERM");
    await exited;
  };
  try {
    await waitForHealth(url, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}
