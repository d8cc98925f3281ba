import { InvalidParameterError } from "cognito-local/lib/errors.js";
import { attributeValue, type User } from "cognito-local/lib/services/userPoolService.js";

/**
 * ListUsers as Cognito answers it, pure: its Filter grammar (`attribute = "value"` or `attribute ^= "value"`, quotes
 * required, `\"` inside them), its Limit (1 to 60, default 60) and opaque pagination tokens. cognito-local ignores
 * Limit and PaginationToken, so a console that pages would see every user at once, and it takes a filter without
 * quotes around part of the value.
 */

export const MAX_PAGE = 60;

type Field = (user: User) => string | undefined;

const attribute =
  (name: string): Field =>
  (user) =>
    attributeValue(name, user.Attributes);

/** The attributes Cognito can search on; `cognito:user_status` alone compares without case. */
const FILTER_FIELDS: Record<string, { field: Field; caseless?: boolean }> = {
  username: { field: (user) => user.Username },
  email: { field: attribute("email") },
  phone_number: { field: attribute("phone_number") },
  name: { field: attribute("name") },
  given_name: { field: attribute("given_name") },
  family_name: { field: attribute("family_name") },
  preferred_username: { field: attribute("preferred_username") },
  "cognito:user_status": { field: (user) => user.UserStatus, caseless: true },
  status: { field: (user) => (user.Enabled === false ? "Disabled" : "Enabled") },
  sub: { field: attribute("sub") },
};

const FILTER = /^\s*([\w:]+)\s*(\^?=)\s*"((?:[^"\\]|\\.)*)"\s*$/;

/** Cognito's UserFilterType: a longer Filter fails the request's validation. */
export const MAX_FILTER_LENGTH = 256;

/** A predicate for `filter` (empty: every user); InvalidParameterException for anything else. */
export function parseUserFilter(filter: string | undefined): (user: User) => boolean {
  if (filter !== undefined && filter.length > MAX_FILTER_LENGTH) {
    throw new InvalidParameterError(
      `1 validation error detected: Value at 'filter' failed to satisfy constraint: Member must have length less than or equal to ${MAX_FILTER_LENGTH}`,
    );
  }
  if (!filter?.trim()) return () => true;
  const match = FILTER.exec(filter);
  if (!match) throw new InvalidParameterError("Error while parsing filter.");
  const [, name = "", operator, raw = ""] = match;
  const known = FILTER_FIELDS[name];
  if (!known) throw new InvalidParameterError(`Invalid search attribute: ${name}`);
  const fold = (text: string) => (known.caseless ? text.toLowerCase() : text);
  const wanted = fold(raw.replace(/\\(.)/g, "$1"));
  return (user) => {
    const value = known.field(user);
    if (value === undefined) return false;
    return operator === "=" ? fold(value) === wanted : fold(value).startsWith(wanted);
  };
}

/** Cognito's own validation message for a Limit out of range. */
export function pageSize(limit: unknown, field = "limit"): number {
  if (limit === undefined || limit === null) return MAX_PAGE;
  if (typeof limit !== "number" || !Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE) {
    const bound =
      typeof limit === "number" && limit < 0 ? "greater than or equal to 0" : `less than or equal to ${MAX_PAGE}`;
    throw new InvalidParameterError(
      `1 validation error detected: Value '${String(limit)}' at '${field}' failed to satisfy constraint: Member must have value ${bound}`,
    );
  }
  // The API allows 0; answered like no Limit at all (a page of nothing would be useless).
  return limit === 0 ? MAX_PAGE : limit;
}

type PageState = { after: string; query: string };

/** Opaque to the caller; bound to the query it came from, so it cannot page another filter or group. */
function encodeToken(state: PageState): string {
  return Buffer.from(JSON.stringify(state)).toString("base64url");
}

function decodeToken(token: string, query: string): PageState {
  try {
    const state = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as Partial<PageState>;
    if (typeof state.after === "string" && state.query === query) return { after: state.after, query };
  } catch {
    // not one of ours: refused below
  }
  throw new InvalidParameterError("Invalid pagination token.");
}

/**
 * One page of `items` (sorted by `key`, so pages never overlap or skip while nobody is added), starting after the
 * token's position; the next token only when more remain, as Cognito omits it on the last page.
 */
export function pageOf<T>(
  items: T[],
  key: (item: T) => string,
  options: { limit: number; token: string | undefined; query: string },
): { page: T[]; next: string | undefined } {
  const sorted = [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const after = options.token === undefined ? undefined : decodeToken(options.token, options.query).after;
  const rest = after === undefined ? sorted : sorted.filter((item) => key(item) > after);
  const page = rest.slice(0, options.limit);
  const last = page.at(-1);
  const next = rest.length > page.length && last ? encodeToken({ after: key(last), query: options.query }) : undefined;
  return { page, next };
}
