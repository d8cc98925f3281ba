import { type NextRequest, NextResponse } from "next/server";
import { canonicalDecision, requestHost } from "@/lib/http/canonical-origin";
import { createNonce, pageContentSecurityPolicy } from "@/lib/http/content-security-policy";
import { declaresTooLarge, SERVER_ACTION_BODY_LIMIT_BYTES, SERVER_ACTION_TOO_LARGE } from "@/lib/http/limited-body";
import { getProxySettings } from "@/lib/env";
import type { ProxySettings } from "@/lib/http/proxy-settings";
import { assignRequestId, REQUEST_ID_HEADER } from "@/lib/http/request-id";
import { paths } from "@/lib/paths";

/**
 * Only redirects (and the CSP nonce and the request id): the canonical origin first, then signed-out visitors of
 * private pages to sign in. It decides nothing else — every page, action and route handler verifies the token and
 * asks Cerbos itself. Every request it passes on carries its id (X-Request-Id), which the response echoes.
 */
const SESSION_COOKIE = /^(contacts_session|(__Secure-)?next-auth\.session-token(\.\d+)?)$/;
const PRIVATE_PREFIXES = [paths.contacts, paths.sessions, paths.audit, paths.admin.users];

function isPrivate(pathname: string): boolean {
  return PRIVATE_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

function plainText(status: number, message: string): NextResponse {
  // Exactly "text/plain": Next's client shows such a body as the error of a server action (app/error.tsx).
  return new NextResponse(message, { status, headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
}

// From the canonical origin, not request.url: Next builds that from the address it listens on (next.config.js).
function signInRedirect(request: NextRequest, appUrl: URL): NextResponse {
  const callbackUrl = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  return NextResponse.redirect(new URL(paths.signInWith({ callbackUrl }), appUrl.origin));
}

/**
 * Passes the request on with `set` added to its headers (the app reads them through next/headers) and to the
 * response's. Set here, the id replaces whatever the client sent unless TRUST_PROXY_REQUEST_ID kept it.
 */
function passOn(request: NextRequest, settings: ProxySettings, set: Record<string, string> = {}): NextResponse {
  const all = { ...set, [REQUEST_ID_HEADER]: assignRequestId(request.headers, settings.trustRequestId) };
  const headers = new Headers(request.headers);
  for (const [name, value] of Object.entries(all)) headers.set(name, value);
  const response = NextResponse.next({ request: { headers } });
  for (const [name, value] of Object.entries(all)) response.headers.set(name, value);
  return response;
}

/** Next reads the nonce from the request's CSP header and puts it on its own scripts. */
function withNonce(request: NextRequest, settings: ProxySettings): NextResponse {
  const { formActionOrigins, development } = settings;
  const policy = pageContentSecurityPolicy({ nonce: createNonce(), formActionOrigins, development });
  return passOn(request, settings, { "Content-Security-Policy": policy });
}

export function proxy(request: NextRequest) {
  const current = getProxySettings();
  const { pathname, search } = request.nextUrl;
  // The API only gets its request id: it has its own CSP (next.config.js) and answers 401, never a redirect.
  if (pathname.startsWith("/api/")) return passOn(request, current);
  const canonical = canonicalDecision(
    { host: requestHost(request.headers), pathname, search },
    request.method,
    current.appUrl,
  );
  if (canonical.action === "redirect") return NextResponse.redirect(canonical.location, 308);
  if (canonical.action === "refuse") return plainText(421, `This app answers on ${current.appUrl.origin} only.`);
  // A page answers POST only for server actions; over Next's limit it would fail with a 500 page.
  if (request.method === "POST" && declaresTooLarge(request.headers, SERVER_ACTION_BODY_LIMIT_BYTES)) {
    return plainText(413, SERVER_ACTION_TOO_LARGE);
  }
  const hasSession = request.cookies.getAll().some(({ name }) => SESSION_COOKIE.test(name));
  if (!hasSession && isPrivate(request.nextUrl.pathname)) return signInRedirect(request, current.appUrl);
  return withNonce(request, current);
}

// Literal, as Next reads it at build time: every page and API route, not the static assets.
export const config = {
  matcher: ["/((?!_next/static/|_next/image|favicon.ico).*)"],
};
