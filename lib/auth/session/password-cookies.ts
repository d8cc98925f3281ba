import "server-only";
import { sealedCookie } from "@/lib/auth/session/sealed-cookie";

/**
 * The direct (email + password) session lives in iron-session sealed cookies. Real Cognito tokens are about
 * 1.0 KB (access) and 1.8 KB (refresh); sealed together they come within bytes of the 4096-byte cookie limit
 * (more groups, longer tokens), so the refresh token has a cookie of its own. It is sent on every path, not just
 * /auth/*, because server actions post to the page's own URL and must be able to refresh an expired token.
 * The ID token is not kept: the UI needs only email and username.
 */
export type PasswordSession = {
  accessToken: string;
  /** Seconds since the epoch, from the verified access token's `exp`. */
  expiresAt: number;
  email: string;
  username: string;
  /** The row in the session registry: every request checks it is neither revoked nor expired. */
  sessionId: string;
};

export type PasswordRefresh = { refreshToken: string; username: string };

/** Cognito's NEW_PASSWORD_REQUIRED step: its session string, for the set-new-password form. */
export type PendingChallenge = { session: string; email: string; callbackUrl: string };

const THIRTY_DAYS = 30 * 24 * 60 * 60;

export const passwordSessionCookie = sealedCookie<PasswordSession>({
  name: "contacts_session",
  path: "/",
  ttlSeconds: THIRTY_DAYS,
});
export const passwordRefreshCookie = sealedCookie<PasswordRefresh>({
  name: "contacts_refresh",
  path: "/",
  ttlSeconds: THIRTY_DAYS,
});
// Cognito's challenge session itself expires after 3 minutes; keep the cookie a little longer so the form can say so.
export const pendingChallengeCookie = sealedCookie<PendingChallenge>({
  name: "contacts_challenge",
  path: "/sign-in",
  ttlSeconds: 10 * 60,
});
