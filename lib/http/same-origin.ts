import "server-only";
import { getEnv } from "@/lib/env";

/**
 * State-changing route handlers accept only requests from the app's own pages (server actions get this check
 * from Next itself). Browsers send Origin on every POST; Sec-Fetch-Site covers those that omit it.
 */
export function isSameOriginRequest(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin) return origin === getEnv().appUrl.origin;
  return request.headers.get("sec-fetch-site") === "same-origin";
}
