/**
 * The pages' Content-Security-Policy, built per request around a fresh nonce (proxy.ts). Pure, so the proxy
 * runtime can use it and a unit test can read it.
 * - script-src: only scripts carrying the nonce (Next adds it to its own) and what they load ('strict-dynamic');
 *   no 'unsafe-inline', so an injected <script> never runs. `next dev` needs 'unsafe-eval' for its reloading.
 * - style-src: the nonce too; React and Next set styles through the CSSOM, which CSP does not restrict.
 * - form-action: the Hosted UI origin as well, because sign-out is a form POST answered by a redirect to Cognito's
 *   /logout and browsers apply form-action to that redirect.
 */
export type CspOptions = { nonce: string; formActionOrigins: readonly string[]; development: boolean };

export function pageContentSecurityPolicy({ nonce, formActionOrigins, development }: CspOptions): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    `form-action ${["'self'", ...formActionOrigins].join(" ")}`,
  ].join("; ");
}

/** 128 random bits, base64: unguessable and fresh for every response. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** The nonce proxy.ts put in the request's CSP header, for a route handler that writes its own HTML. */
export function nonceOf(headers: Headers): string | undefined {
  return /'nonce-([A-Za-z0-9+/=]+)'/.exec(headers.get("content-security-policy") ?? "")?.[1];
}
