import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { handleApi, interceptedTarget } from "@/cognito/api-shim";
import { HOST, baseUrl, displayPath } from "@/cognito/config";
import { BodyTooLargeError, paramsToRecord, sendJson } from "@/cognito/http-util";
import { createCore } from "@/cognito/local-core";
import { getAuthorize, postLogin, postNewPassword } from "@/cognito/login-routes";
import { discoveryPoolId, getDiscovery, getLogout, getUserInfo } from "@/cognito/oidc-routes";
import { createStandIn, type StandIn } from "@/cognito/stand-in";
import { postRevoke, postToken } from "@/cognito/token-routes";
import { getStandInSettings } from "@/lib/env";
import type { StandInSettings } from "@/lib/env-stand-in";

export type RunningStandIn = {
  /** `http://127.0.0.1:<port>`: API endpoint, Hosted UI base and token issuer domain. */
  url: string;
  port: number;
  stateDir: string;
  close(): Promise<void>;
};

export type StartOptions = Pick<StandInSettings, "port" | "stateDir"> &
  Partial<Pick<StandInSettings, "logRequests" | "logInternals">> & {
    /** Error lines, and request lines with `logRequests`; defaults to console.log. Pass `() => {}` to silence (tests). */
    log?: (line: string) => void;
  };

type Handler = (
  standIn: StandIn,
  req: IncomingMessage,
  res: ServerResponse,
  query: Record<string, string>,
) => Promise<void>;

/** The Hosted UI routes; they take precedence over cognito-local's own bare /oauth2 routes. */
const ROUTES: Record<string, Record<string, Handler>> = {
  "/oauth2/authorize": { GET: (s, req, res, query) => getAuthorize(s, req, res, query) },
  "/login": { POST: (s, req, res) => postLogin(s, req, res) },
  "/login/new-password": { POST: (s, req, res) => postNewPassword(s, req, res) },
  "/oauth2/token": { POST: (s, req, res) => postToken(s, req, res) },
  "/oauth2/revoke": { POST: (s, req, res) => postRevoke(s, req, res) },
  "/oauth2/userInfo": {
    GET: (s, req, res) => getUserInfo(s, req, res),
    POST: (s, req, res) => getUserInfo(s, req, res),
  },
  "/logout": { GET: (s, req, res, query) => getLogout(s, req, res, query) },
};

async function dispatch(standIn: StandIn, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const method = req.method ?? "GET";
  if (url.pathname === "/health") return sendJson(res, 200, { status: "ok" });
  const poolId = method === "GET" ? discoveryPoolId(url.pathname) : null;
  if (poolId) return getDiscovery(standIn, res, decodeURIComponent(poolId));
  const route = ROUTES[url.pathname];
  const handler = route?.[method];
  if (handler) return handler(standIn, req, res, paramsToRecord(url.searchParams));
  if (route) return sendJson(res, 405, { error: "method_not_allowed" }, { allow: Object.keys(route).join(", ") });
  const target = interceptedTarget(req, url.pathname);
  if (target) return handleApi(standIn, target, req, res);
  standIn.core.app(req, res);
}

/** One line per request; the path only (queries carry codes and state), never bodies, tokens or secrets. */
function requestLine(req: IncomingMessage, res: ServerResponse, url: URL, started: number): string {
  const target =
    typeof req.headers["x-amz-target"] === "string" ? ` ${req.headers["x-amz-target"].split(".")[1] ?? ""}` : "";
  return `[cognito-local] ${req.method} ${url.pathname}${target} ${res.statusCode} ${Date.now() - started}ms`;
}

function handle(
  getStandIn: () => StandIn | undefined,
  log: (line: string) => void,
  logRequests: boolean,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  const started = Date.now();
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  if (logRequests) res.on("finish", () => log(requestLine(req, res, url, started)));
  const standIn = getStandIn();
  if (!standIn) return sendJson(res, 503, { status: "starting" });
  dispatch(standIn, req, res, url).catch((error: unknown) => {
    if (res.headersSent) return void res.end();
    if (error instanceof BodyTooLargeError)
      return sendJson(res, 413, { error: "invalid_request", error_description: error.message });
    log(
      `[cognito-local] ${req.method} ${url.pathname} failed: ${error instanceof Error ? error.message : "unknown error"}`,
    );
    sendJson(res, 500, { error: "server_error" });
  });
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, HOST, () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Starts the stand-in on 127.0.0.1 (`port: 0` picks a free port). State lives in `stateDir` (config.json, db/). */
export async function startStandIn(options: StartOptions): Promise<RunningStandIn> {
  const stateDir = path.resolve(options.stateDir);
  const log = options.log ?? ((line: string) => console.log(line));
  let standIn: StandIn | undefined;
  const server = createServer((req, res) => handle(() => standIn, log, options.logRequests ?? false, req, res));
  const port = await listen(server, options.port);
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  try {
    const core = await createCore(stateDir, baseUrl(port), options.logInternals ?? false);
    standIn = createStandIn(core, baseUrl(port), port, log);
  } catch (error) {
    await close();
    throw error;
  }
  return { url: baseUrl(port), port, stateDir, close };
}

async function main(): Promise<void> {
  const running = await startStandIn(getStandInSettings());
  console.log(`[cognito-local] stand-in listening on ${running.url} (state: ${displayPath(running.stateDir)})`);
  const stop = () => {
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(`[cognito-local] failed to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
