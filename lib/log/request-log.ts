import "server-only";
import { getLogger } from "@/lib/log/logger";
import { currentRequestId } from "@/lib/request-context";

/**
 * One line per API request, page load or contact mutation (a server action's, or the API's inside its request line).
 * `status` is the HTTP status where the code that answers knows it (the Bearer API); pages stream and server actions
 * answer inside Next's own response, so they log `outcome`: what the load or the mutation ended with (the
 * authorization and data outcome), which is what can be known honestly there.
 * Never tokens, cookies, bodies or search terms: `route` is a path without its query.
 */
export type RequestLogLine = {
  kind: "api" | "page" | "mutation";
  /** A path, or a mutation's name ("contact.update"). */
  route: string;
  method?: string;
  /** The user's Cognito `sub`; null when nobody was signed in. */
  sub: string | null;
  status?: number;
  outcome?: string;
  durationMs: number;
};

/** Milliseconds since `started` (a performance.now() reading), to 0.1 ms. */
export function elapsedMs(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}

export async function logRequest(line: RequestLogLine): Promise<void> {
  const requestId = (await currentRequestId()) ?? null;
  // The message is the kind alone, so a log query can pick the request lines by it; the rest are fields.
  getLogger().info({ requestId, ...line }, line.kind);
}

/** The path of a URL or of an app path with a query (`/contacts?q=…` → `/contacts`): search terms stay out. */
export function routeOf(pathOrUrl: string): string {
  return new URL(pathOrUrl, "http://app.invalid").pathname;
}
