export function nowInSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/**
 * Whether a session's access token must be refreshed before the request can go on. No safety margin: the token
 * is verified once per request and never forwarded afterwards, and any margin at least as long as a (test-
 * shortened) token lifetime would send every request to refresh, forever.
 */
export function isExpired(expiresAt: number, now = nowInSeconds()): boolean {
  return expiresAt <= now;
}
