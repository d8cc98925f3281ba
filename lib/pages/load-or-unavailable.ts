import "server-only";
import { redirect } from "next/navigation";
import { AuditLogUnavailableError } from "@/lib/audit/read-decision-log";
import { CognitoUnavailableError } from "@/lib/auth/cognito-client";
import { AuthorizationUnavailableError } from "@/lib/authz/cerbos-client";
import { DatabaseUnavailableError } from "@/lib/db/unavailable";
import { elapsedMs, logRequest, routeOf } from "@/lib/log/request-log";
import { paths, type UnavailableReason } from "@/lib/paths";

/** What a page's load ended with, for its log line: a page streams, so its final HTTP status is not known here. */
type LoadOutcome = "loaded" | "nothing" | `unavailable:${UnavailableReason}` | "error";

/**
 * For pages: when Cerbos, the database, the PDP's decision log or Cognito (the admin console) cannot answer, nothing is shown and the browser lands on a real 503
 * (a server component cannot set its own status). Anything else is a bug and goes to the error page.
 * Logs one line for the load (the user's `sub`, the page, the outcome; "nothing" is a null result, which the pages
 * turn into a 404).
 */
export async function loadOrUnavailable<T>(
  load: () => Promise<T>,
  returnTo: string,
  user: { sub: string },
): Promise<T> {
  const started = performance.now();
  let outcome: LoadOutcome = "error";
  let reason: UnavailableReason;
  try {
    const loaded = await load();
    outcome = loaded === null ? "nothing" : "loaded";
    return loaded;
  } catch (error) {
    if (error instanceof AuthorizationUnavailableError) reason = "cerbos";
    else if (error instanceof DatabaseUnavailableError) reason = "database";
    else if (error instanceof AuditLogUnavailableError) reason = "audit";
    else if (error instanceof CognitoUnavailableError) reason = "cognito";
    else throw error;
    outcome = `unavailable:${reason}`;
  } finally {
    const line = { kind: "page", route: routeOf(returnTo), method: "GET", sub: user.sub, outcome } as const;
    await logRequest({ ...line, durationMs: elapsedMs(started) });
  }
  redirect(paths.unavailableWith({ reason, returnTo }));
}
