/**
 * The app answers on one origin, NEXTAUTH_URL's: cookies (the Hosted UI's state and PKCE cookies, the sessions)
 * belong to one host, so a visit on another name for the same server (127.0.0.1 for localhost, which `next dev`
 * prints) would end in "State cookie was missing". Pure: proxy.ts applies it before anything else.
 *
 * Only the host is compared, not the scheme: behind a TLS-terminating proxy the app sees http while the public
 * URL is https, and sending those requests to https again would loop; upgrading the scheme is the proxy's job.
 * The host is the one the browser addressed (Host, or X-Forwarded-Host from a reverse proxy): Next's own request
 * URL names the address the server listens on instead. A forged header can only skip this redirect, never aim it.
 */
export type RequestTarget = { host: string; pathname: string; search: string };
export type CanonicalDecision = { action: "continue" } | { action: "redirect"; location: URL } | { action: "refuse" };

const SAFE_METHODS = new Set(["GET", "HEAD"]);

/** The host a request was addressed to: the first X-Forwarded-Host (Next sets it from Host when absent), or Host. */
export function requestHost(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return (forwarded || headers.get("host") || "").toLowerCase();
}

export function canonicalDecision(target: RequestTarget, method: string, canonical: URL): CanonicalDecision {
  if (target.host === canonical.host) return { action: "continue" };
  // Anything else would re-send a body to another origin, or lose it: the person starts again from a page.
  if (!SAFE_METHODS.has(method.toUpperCase())) return { action: "refuse" };
  // Set, not resolved: `new URL("//evil.example/x", origin)` would take a path starting with // as a host.
  const location = new URL(canonical.origin);
  location.pathname = target.pathname;
  location.search = target.search;
  return { action: "redirect", location };
}
