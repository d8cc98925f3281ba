import { z } from "zod";

/** The header proxy.ts sets on every request it passes on, and on the response. */
export const REQUEST_ID_HEADER = "x-request-id";

/**
 * Letters, digits, dot, underscore and hyphen, at most 100: enough for a UUID or a load balancer's trace id, and
 * nothing that could break a log line or a header (no spaces, quotes, newlines).
 */
const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{1,100}$/;

/** TRUST_PROXY_REQUEST_ID: "1" only when every request reaches the app through a proxy that sets X-Request-Id. */
export const trustRequestIdSchema = z.enum(["0", "1"], { error: 'must be "0" or "1"' }).default("0");

/** The id when it has the safe format, otherwise null. */
export function parseRequestId(value: string | null | undefined): string | null {
  return value !== null && value !== undefined && REQUEST_ID_PATTERN.test(value) ? value : null;
}

/**
 * The id of one request: the incoming X-Request-Id when a trusted proxy sent it (and it is well-formed), otherwise a
 * new UUID. Untrusted, a client could pick an id to make its requests look like someone else's in the logs.
 */
export function assignRequestId(headers: Headers, trustIncoming: boolean): string {
  const incoming = trustIncoming ? parseRequestId(headers.get(REQUEST_ID_HEADER)) : null;
  return incoming ?? crypto.randomUUID();
}
