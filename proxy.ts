import { type NextRequest, NextResponse } from "next/server";
import { paths } from "@/lib/paths";

/**
 * Only redirects: a request for a private page without any session cookie goes to sign in. It decides nothing
 * else — every page, action and route handler verifies the token and asks Cerbos itself.
 */
const SESSION_COOKIE = /^(contacts_session|(__Secure-)?next-auth\.session-token(\.\d+)?)$/;

export function proxy(request: NextRequest) {
  const hasSession = request.cookies.getAll().some(({ name }) => SESSION_COOKIE.test(name));
  if (hasSession) return NextResponse.next();
  const signIn = new URL(paths.signIn, request.url);
  signIn.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(signIn);
}

// Next reads the matcher at build time, so it must be literal: the private pages.
export const config = {
  matcher: ["/contacts", "/contacts/:path*", "/sessions"],
};
