import "server-only";
import { authenticateBearer } from "@/lib/auth/token/bearer";
import type { CurrentUser } from "@/lib/auth/current-user";
import { AuthorizationUnavailableError } from "@/lib/authz/cerbos-client";
import { UnsupportedPlanError } from "@/lib/authz/unsupported-plan-error";
import { DatabaseUnavailableError } from "@/lib/db/unavailable";
import type { MutationResult } from "@/lib/contacts/guarded-mutation";
import { apiError } from "@/lib/api/errors";
import { MAX_JSON_BODY_BYTES, readLimitedText } from "@/lib/http/limited-body";
import { getLogger } from "@/lib/log/logger";
import { elapsedMs, logRequest, routeOf } from "@/lib/log/request-log";

/**
 * Runs `handle` for the user behind the Bearer token, or answers 401/503 in the API's one error shape; logs one line
 * (request id, sub, route, method, status, duration) whatever the outcome, a thrown error as the 500 Next sends.
 */
export async function withBearerUser(
  request: Request,
  handle: (user: CurrentUser) => Promise<Response>,
): Promise<Response> {
  const started = performance.now();
  let sub: string | null = null;
  let status = 500;
  try {
    const response = await answerBearer(request, (user) => {
      sub = user.sub;
      return handle(user);
    });
    status = response.status;
    return response;
  } finally {
    const { method, url } = request;
    await logRequest({ kind: "api", route: routeOf(url), method, sub, status, durationMs: elapsedMs(started) });
  }
}

async function answerBearer(request: Request, handle: (user: CurrentUser) => Promise<Response>): Promise<Response> {
  const auth = await authenticateBearer(request);
  if (auth.status === "missing") return apiError("unauthorized");
  if (auth.status === "unavailable") {
    return apiError(auth.reason === "database" ? "database_unavailable" : "authentication_unavailable");
  }
  if (auth.status !== "signed-in")
    return apiError("unauthorized", {
      bearerError: "invalid_token",
      message: "The access token is invalid or expired.",
    });
  try {
    return await handle(auth.user);
  } catch (error) {
    if (error instanceof AuthorizationUnavailableError) return apiError("authorization_unavailable");
    if (error instanceof DatabaseUnavailableError) return apiError("database_unavailable");
    if (error instanceof UnsupportedPlanError) {
      getLogger().error({ err: error }, "a query plan could not be turned into SQL");
      return apiError("internal");
    }
    throw error;
  }
}

/** Reads a JSON object body of at most 64 KB; anything else is a 400 (or 413) that says so. */
export async function readJsonObject(request: Request): Promise<Record<string, unknown> | Response> {
  if (!request.headers.get("content-type")?.toLowerCase().startsWith("application/json")) {
    return apiError("bad_request", { message: "Send a JSON body with Content-Type: application/json." });
  }
  const read = await readLimitedText(request, MAX_JSON_BODY_BYTES);
  if (read.status === "too-large") return apiError("payload_too_large");
  if (read.status === "unreadable") return apiError("bad_request", { message: "The body could not be read as UTF-8." });
  let body: unknown;
  try {
    body = JSON.parse(read.text);
  } catch {
    return apiError("bad_request", { message: "The body is not valid JSON." });
  }
  if (typeof body !== "object" || body === null || Array.isArray(body))
    return apiError("bad_request", { message: "The body must be a JSON object." });
  return body as Record<string, unknown>;
}

/** The same outcomes the pages show, as HTTP statuses. */
export function mutationResponse(result: MutationResult, successStatus = 200): Response {
  switch (result.status) {
    case "ok":
      return result.contact
        ? Response.json({ contact: result.contact }, { status: successStatus })
        : new Response(null, { status: 204 });
    case "invalid":
      return apiError("invalid", { details: { fieldErrors: result.fieldErrors } });
    case "unauthenticated":
      return apiError("unauthorized");
    case "not-found":
      return apiError("not_found", { message: "No such contact." });
    case "forbidden":
      return apiError("forbidden", { message: result.message });
    case "conflict":
      return apiError("conflict", { details: { current: result.current } });
    case "unavailable":
      return result.reason === "database"
        ? apiError("database_unavailable", { message: "The database is unavailable; nothing was changed." })
        : apiError("authorization_unavailable", { message: "Authorization is unavailable; nothing was changed." });
  }
}
