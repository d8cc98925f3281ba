/**
 * Debian's nginx in front of local app instances, with the reverse-proxy configuration the deployment ships
 * (scripts/deploy/nginx-app.conf): only its upstream servers and listen address are replaced. Its access log names
 * the upstream that answered each request, so a test can see that both instances served.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

export const NGINX_BINARY = "/usr/sbin/nginx";
const SHIPPED = path.resolve("scripts/deploy/nginx-app.conf");

export type Nginx = {
  readonly url: string;
  /** The upstream address ("127.0.0.1:3102") of every request logged so far, oldest first. */
  upstreams(): string[];
  stop(): Promise<void>;
};

/** The shipped server block, pointed at `upstreams` and listening on loopback `port`. Throws if the file changed shape. */
export function renderAppConf(port: number, upstreams: readonly number[]): string {
  const shipped = readFileSync(SHIPPED, "utf8");
  const servers = upstreams.map((upstream) => `server 127.0.0.1:${upstream};`).join("\n  ");
  const rendered = shipped.replace("server app:3000;", servers).replace("listen 8080;", `listen 127.0.0.1:${port};`);
  if (!rendered.includes(servers) || !rendered.includes(`127.0.0.1:${port};`))
    throw new Error(`${SHIPPED} no longer has "server app:3000;" and "listen 8080;"`);
  return rendered;
}

function mainConf(dir: string): string {
  const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]
    .map((kind) => `${kind}_temp_path ${dir}/${kind};`)
    .join("\n  ");
  return `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  ${temp}
  log_format upstream '$upstream_addr $status $request_method $uri';
  access_log ${dir}/access.log upstream;
  include ${dir}/app.conf;
}
`;
}

async function waitForPort(url: string, child: ChildProcess, errors: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}:\n${errors()}`);
    const up = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return;
    await sleep(200);
  }
  throw new Error(`nginx on ${url} did not answer:\n${errors()}`);
}

export async function startNginx(port: number, upstreams: readonly number[], dir: string): Promise<Nginx> {
  if (!existsSync(NGINX_BINARY)) throw new Error(`${NGINX_BINARY} is missing: apt-get install -y nginx-light`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "app.conf"), renderAppConf(port, upstreams));
  writeFileSync(path.join(dir, "nginx.conf"), mainConf(dir));
  const child = spawn(NGINX_BINARY, ["-p", dir, "-c", path.join(dir, "nginx.conf"), "-g", "daemon off;"], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4_000)));
  const errors = () => `${stderr}\n${readIf(path.join(dir, "error.log"))}`;
  const url = `http://localhost:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    // QUIT: graceful; the master waits for its workers, which hold no long requests here.
    process.kill(-child.pid, "SIGQUIT");
    if (!(await Promise.race([exited.then(() => true), sleep(5_000).then(() => false)])))
      process.kill(-child.pid, "SIGKILL");
    await exited;
  };
  try {
    await waitForPort(url, child, errors);
  } catch (error) {
    await stop();
    throw error;
  }
  const upstreams_ = () =>
    readIf(path.join(dir, "access.log"))
      .split("\n")
      .filter(Boolean)
      .map((line) => line.split(" ")[0] ?? "");
  return { url, upstreams: upstreams_, stop };
}

function readIf(file: string): string {
  return existsSync(file) ? readFileSync(file, "utf8") : "";
}
