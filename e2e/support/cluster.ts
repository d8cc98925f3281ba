/**
 * Two instances of the production build behind nginx, as a deployment runs them: one PostgreSQL (their own
 * throwaway server), the e2e stack's PDP and stand-in, the same secrets, NEXTAUTH_URL = the proxy's origin.
 * Every piece of state they must share (sessions, throttling counters, contacts) is in the database.
 */
import { randomBytes } from "node:crypto";
import type { BrowserContext } from "@playwright/test";
import { E2E_CERBOS_PORT, standaloneAppEnv, startInOrder, throwawayPostgres } from "@/e2e/support/instance-env";
import { startNginx, type Nginx } from "@/e2e/support/nginx";
import { STAND_IN_URL } from "@/e2e/support/stand-in";
import { startStandaloneServer, type StandaloneServer } from "@/e2e/support/standalone-server";

export const PROXY_PORT = 3104;
export const INSTANCE_PORTS = [3102, 3103] as const;
export const PROXY_URL = `http://localhost:${PROXY_PORT}`;
/** Low, so a test reaches it in a few tries; counted per account across both instances. */
export const ACCOUNT_MAX_FAILURES = 3;

const postgres = throwawayPostgres(55442, "/tmp/contacts-scale-out-postgres");

export type Cluster = {
  readonly proxy: Nginx;
  readonly instances: readonly StandaloneServer[];
  /** The PostgreSQL both instances share, for a test that plays another instance's write (a refresh mark). */
  readonly databaseUrl: string;
  stop(): Promise<void>;
};

function instanceEnv(databaseUrl: string, secrets: Record<string, string>): NodeJS.ProcessEnv {
  return standaloneAppEnv({
    ...secrets,
    COGNITO_API_ENDPOINT: STAND_IN_URL,
    NEXTAUTH_URL: PROXY_URL,
    CERBOS_URL: `http://127.0.0.1:${E2E_CERBOS_PORT}`,
    DATABASE_URL: databaseUrl,
    TRUSTED_PROXY_COUNT: "1",
    TRUST_PROXY_REQUEST_ID: "1",
    SIGNIN_ACCOUNT_MAX_FAILURES: String(ACCOUNT_MAX_FAILURES),
  });
}

export async function startCluster(): Promise<Cluster> {
  const { value, stop } = await startInOrder(async (onStop) => {
    onStop(() => postgres("--stop"));
    const databaseUrl = await postgres();
    // The same secrets on every instance: a cookie sealed by one is opened by the other.
    const secrets = {
      NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
      SESSION_PASSWORD: randomBytes(32).toString("base64"),
    };
    // Started together: both run the migrations at start-up, and the advisory lock lets one apply them.
    const started = await Promise.allSettled(
      INSTANCE_PORTS.map((port) => startStandaloneServer(port, instanceEnv(databaseUrl, secrets))),
    );
    const instances = started.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
    onStop(() => Promise.all(instances.map((instance) => instance.stop())));
    const failed = started.find((result) => result.status === "rejected");
    if (failed) throw failed.reason;
    const proxy = await startNginx(PROXY_PORT, INSTANCE_PORTS, "/tmp/contacts-scale-out-nginx");
    onStop(() => proxy.stop());
    return { proxy, instances, databaseUrl };
  });
  return { ...value, stop };
}

export type Pin = {
  /** From now on this context's requests go to the instance on `port`. */
  to(port: number): void;
};

/**
 * Sends everything this browser context asks of the proxy's origin to one instance instead, as the proxy would
 * (same Host, X-Forwarded-Host and -Proto), so the pages, the cookies and the redirects are the ones a person
 * behind the load balancer gets, while the test decides which instance answers (and may switch mid-flow).
 * route.fetch goes through the context's own request client, so it sends and stores the context's cookies.
 */
export async function pin(context: BrowserContext, port: number): Promise<Pin> {
  let target = port;
  await context.route(`${PROXY_URL}/**`, async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    url.port = String(target);
    // Without the browser's Cookie header: route.fetch adds the context's cookies itself, and a header copied
    // from a request made while a Set-Cookie was still being applied would send the old ones.
    const sent = await request.allHeaders();
    delete sent.cookie;
    const headers = {
      ...sent,
      host: `localhost:${PROXY_PORT}`,
      "x-forwarded-host": `localhost:${PROXY_PORT}`,
      "x-forwarded-proto": "http",
    };
    const response = await route.fetch({ url: url.toString(), headers, maxRedirects: 0 });
    await route.fulfill({ response });
  });
  return { to: (next) => (target = next) };
}
