/**
 * Treat a token as expired a little before `exp`, so it cannot lapse between the check and its use in the same
 * request. Kept short: Cognito's shortest access-token lifetime is 5 minutes, but tests shorten it to seconds.
 */
export const EXPIRY_MARGIN_SECONDS = 5;

export function nowInSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

export function isExpiring(expiresAt: number, now = nowInSeconds()): boolean {
  return expiresAt - EXPIRY_MARGIN_SECONDS <= now;
}
