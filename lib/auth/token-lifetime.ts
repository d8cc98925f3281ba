/** Refresh a little before `exp`, so a token does not expire between the check and Cognito's or Cerbos's use of it. */
export const EXPIRY_MARGIN_SECONDS = 30;

export function nowInSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

export function isExpiring(expiresAt: number, now = nowInSeconds()): boolean {
  return expiresAt - EXPIRY_MARGIN_SECONDS <= now;
}
