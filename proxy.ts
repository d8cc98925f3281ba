import { type NextRequest, NextResponse } from "next/server";
import { canonicalDecision, requestHost } from "@/lib/http/canonical-origin";
import { createNonce, pageContentSecurityPolicy } from "@/lib/http/content-security-policy";
import { declaresTooLarge, SERVER_ACTION_BODY_LIMIT_BYTES, SERVER_ACTION_TOO_LARGE } from "@/lib/http/limited-body";
import { getProxySettings } from "@/lib/env";
import type { ProxySettings } from "@/lib/http/proxy-settings";
import { paths } from "@/lib/paths";

/**
 * Only redirects (and the CSP nonce): the canonical origin first, then signed-out visitors of private pages to
 * sign in. It decides nothing else — every page, action and route handler verifies the token and asks Cerbos itself.
 */
const SESSION_COOKIE = /^(contacts_session|(__Secure-)?next-auth\.session-token(\.\d+)?)$/;
const PRIVATE_PREFIXES = [paths.contacts, paths.sessions];

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

/** Next reads the nonce from the request's CSP header and puts it on its own scripts. */
function withNonce(request: NextRequest, { formActionOrigins, development }: ProxySettings): NextResponse {
  const policy = pageContentSecurityPolicy({ nonce: createNonce(), formActionOrigins, development });
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export function proxy(request: NextRequest) {
  const current = getProxySettings();
  const { pathname, search } = request.nextUrl;
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

// Literal, as Next reads it at build time: every page, not the API (its own CSP is in next.config.js) or assets.
export const config = {
  matcher: ["/((?!api/|_next/static/|_next/image|favicon.ico).*)"],
};
