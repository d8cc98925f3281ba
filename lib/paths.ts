import { DEFAULT_PAGE_SIZE } from "@/lib/contacts/list-limits";

/** Why app/unavailable/route.ts is shown: the dependency that did not answer. */
export type UnavailableReason = "cerbos" | "database" | "cognito" | "audit";

/** Why a session ended, as the sign-in page reads it from `?error=`. */
export type SignInError = "SessionRevoked" | "SessionIdle" | "SessionExpired";

type QueryValue = string | number | boolean | undefined;
type ListQuery = { q?: string | undefined; page?: number; pageSize?: number };

/** `path?name=value…`, encoded; undefined and false leave a parameter out, true is "1". */
function withQuery(path: string, query: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === false) continue;
    params.set(name, value === true ? "1" : String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** The list's own defaults stay out of its URLs, so one list has one address. */
function listQuery({ q, page, pageSize }: ListQuery) {
  return {
    q: q || undefined,
    page: page === undefined || page <= 1 ? undefined : page,
    pageSize: pageSize === DEFAULT_PAGE_SIZE ? undefined : pageSize,
  };
}

const routes = {
  home: "/",
  signIn: "/sign-in",
  newPassword: "/sign-in/new-password",
  signOut: "/auth/sign-out",
  refresh: "/auth/refresh",
  sessions: "/sessions",
  audit: "/audit",
  unavailable: "/unavailable",
  contacts: "/contacts",
  newContact: "/contacts/new",
  apiContacts: "/api/contacts",
  apiHealth: "/api/health",
  apiReady: "/api/ready",
  nextAuthCallback: "/api/auth/callback/cognito",
} as const;

/**
 * Every path the app links to, shared by pages, handlers, the proxy and the end-to-end tests. A plain entry is the
 * bare path (for links, `revalidatePath` and prefix checks); `xWith(…)` is the same path with its query string, so
 * the parameter names a route reads (`returnTo`, `callbackUrl`, `reason`, `q`…) are spelled in one place.
 */
export const paths = {
  ...routes,
  /** `callbackUrl`: where to go once signed in (the list by default); `error`: why the last session ended. */
  signInWith: ({ callbackUrl, error }: { callbackUrl?: string | undefined; error?: SignInError | undefined }) =>
    withQuery(routes.signIn, { error, callbackUrl }),
  /** Refreshes an expired session (a route handler may set cookies), then goes back to `returnTo`. */
  refreshWith: (query: { returnTo: string }) => withQuery(routes.refresh, query),
  /** The sessions page with the outcome of a sign-out: done (`revoked`), or why not (`error`). */
  sessionsWith: (query: { revoked: true } | { error: "invalid" | "not-found" }) => withQuery(routes.sessions, query),
  /** The 503 page: which dependency failed, and the page its "Try again" link goes back to. */
  unavailableWith: (query: { reason: UnavailableReason; returnTo?: string | undefined }) =>
    withQuery(routes.unavailable, query),
  /**
   * The list with a search, a page and a page size; `deleted` shows the confirmation of a delete; `inspect` opens the
   * inspector (fresh PDP calls, their requests and answers shown), which a normal load neither builds nor sends.
   */
  contactsWith: (query: ListQuery & { deleted?: boolean; inspect?: boolean }) =>
    withQuery(routes.contacts, { ...listQuery(query), deleted: query.deleted, inspect: query.inspect }),
  contactDetail: (id: string) => `/contacts/${encodeURIComponent(id)}`,
  /** A contact's page saying what just happened to it: `created` or `saved`. */
  contactDetailWith: (id: string, query: { created: true } | { saved: true }) =>
    withQuery(`/contacts/${encodeURIComponent(id)}`, query),
  editContact: (id: string) => `/contacts/${encodeURIComponent(id)}/edit`,
  deleteContact: (id: string) => `/contacts/${encodeURIComponent(id)}/delete`,
  apiContactsWith: (query: ListQuery) => withQuery(routes.apiContacts, listQuery(query)),
  apiContact: (id: string) => `/api/contacts/${encodeURIComponent(id)}`,
  /** A contact's shares: GET lists them, PUT `{ email, role }` adds or changes one, DELETE `?email=` revokes one. */
  apiContactShares: (id: string) => `/api/contacts/${encodeURIComponent(id)}/shares`,
  admin: {
    users: "/admin/users",
    /** The console's list: an email prefix, and Cognito's opaque pagination token for the page after the first. */
    usersWith: (query: { q?: string | undefined; token?: string | undefined }) =>
      withQuery("/admin/users", { q: query.q || undefined, token: query.token || undefined }),
  },
} as const;
