import "server-only";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { parseRequestId, REQUEST_ID_HEADER } from "@/lib/http/request-id";

/**
 * The id proxy.ts gave the current request (X-Request-Id on the request it passed on), or undefined outside a
 * request (a script, a unit test) and on a path the proxy does not see. Next's own control flow (a page being
 * rendered statically bails out here) is rethrown, never taken for "no request".
 */
export async function currentRequestId(): Promise<string | undefined> {
  try {
    return parseRequestId((await headers()).get(REQUEST_ID_HEADER)) ?? undefined;
  } catch (error) {
    unstable_rethrow(error);
    return undefined;
  }
}
