import "server-only";

/** The few error codes that cross the HTTP boundary, each with its status. */
export const API_ERRORS = {
  unauthorized: { status: 401, message: "A valid Cognito access token is required." },
  forbidden: { status: 403, message: "You are not allowed to do that." },
  not_found: { status: 404, message: "Not found." },
  bad_request: { status: 400, message: "The request is invalid." },
  invalid: { status: 400, message: "Some fields are invalid." },
  payload_too_large: { status: 413, message: "The body is larger than 64 KB; nothing was changed." },
  conflict: { status: 409, message: "The contact was changed by someone else since you loaded it; nothing was saved." },
  internal: { status: 500, message: "Something went wrong; nothing was changed." },
  cross_origin: { status: 403, message: "Cross-origin requests are not accepted." },
  authorization_unavailable: { status: 503, message: "Authorization is unavailable. Try again shortly." },
  authentication_unavailable: { status: 503, message: "Token verification is unavailable. Try again shortly." },
  database_unavailable: { status: 503, message: "The database is unavailable. Try again shortly." },
} as const;

export type ApiErrorCode = keyof typeof API_ERRORS;

export const RETRY_AFTER_SECONDS = 5;

/** `{ error: { code, message } }` with the code's status; 503s say when to retry, 401s how to authenticate. */
export type ApiErrorOptions = { message?: string; bearerError?: string; details?: Record<string, unknown> };

export function apiError(code: ApiErrorCode, options: ApiErrorOptions = {}): Response {
  const { status, message } = API_ERRORS[code];
  const headers = new Headers({ "Cache-Control": "no-store" });
  if (status === 503) headers.set("Retry-After", String(RETRY_AFTER_SECONDS));
  if (status === 401) {
    const detail = options.bearerError ? `, error="${options.bearerError}"` : "";
    headers.set("WWW-Authenticate", `Bearer realm="contacts"${detail}`);
  }
  return Response.json(
    { error: { code, message: options.message ?? message, ...options.details } },
    { status, headers },
  );
}
