import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import {
  AccessTokenExpiredError,
  type AccessTokenClaims,
  InvalidAccessTokenError,
  JwksUnavailableError,
  verifyAccessToken,
} from "@/lib/auth/token/access-token";
import type { SessionCheck } from "@/lib/auth/session/registry";
import { checkRegisteredSession, isDatabaseUnavailable } from "@/lib/auth/session/app-registry";
import { readStoredSession, type SessionKind } from "@/lib/auth/session/stored-session";
import { isExpired } from "@/lib/auth/token/lifetime";
import { issuedBeforeMark } from "@/lib/auth/session/refresh-mark";
import { getEnv } from "@/lib/env";
import { paths, type SignInError } from "@/lib/paths";
import { safeReturnPath } from "@/lib/auth/return-to";

/** Who is asking, from a verified Cognito access token. */
export type CurrentUser = {
  sub: string;
  username: string;
  email: string | undefined;
  groups: string[];
  claims: AccessTokenClaims;
  via: SessionKind | "bearer";
  /** The registry row of a browser session (undefined for Bearer callers). */
  sessionId?: string;
};

/** Why a registered session is over: signed out (here or everywhere), idle too long, or past its absolute limit. */
export type SessionEndReason = "revoked" | "idle" | "expired";

export type UserResolution =
  | { status: "signed-in"; user: CurrentUser }
  | { status: "signed-out" }
  /**
   * The access token has expired, or predates the session's refresh mark: a route handler must refresh it (server
   * components cannot set cookies).
   */
  | { status: "expired" }
  /** The session row says the session is over: sign in again, with a message saying why. */
  | { status: "ended"; reason: SessionEndReason }
  /** The keys to verify the token (or the session registry) could not be reached. */
  | { status: "unavailable"; reason: "cognito" | "database" };

export function toCurrentUser(
  claims: AccessTokenClaims,
  email: string | undefined,
  via: CurrentUser["via"],
): CurrentUser {
  const groups = Array.isArray(claims["cognito:groups"])
    ? claims["cognito:groups"].filter((g) => typeof g === "string")
    : [];
  return { sub: claims.sub, username: claims.username ?? claims.sub, email, groups, claims, via };
}

/** Verifies an access token and says what that means for the request. */
export async function resolveAccessToken(
  token: string,
  email: string | undefined,
  via: CurrentUser["via"],
): Promise<UserResolution> {
  try {
    return { status: "signed-in", user: toCurrentUser(await verifyAccessToken(token, getEnv().cognito), email, via) };
  } catch (error) {
    if (error instanceof JwksUnavailableError) return { status: "unavailable", reason: "cognito" };
    // Expired between the session's own expiry check and verification: refresh rather than sign out.
    if (error instanceof AccessTokenExpiredError) return { status: "expired" };
    if (error instanceof InvalidAccessTokenError) return { status: "signed-out" };
    throw error;
  }
}

async function checkStoredSession(sessionId: string): Promise<SessionCheck | "unavailable"> {
  try {
    return await checkRegisteredSession(sessionId);
  } catch (error) {
    if (isDatabaseUnavailable(error)) return "unavailable";
    throw error;
  }
}

/**
 * The identity behind this request's session cookie, verified once per request: the registry row first (one
 * primary-key read, never cached across requests, so a revocation on any instance counts here at once), then the token.
 */
export const getCurrentUser = cache(async (): Promise<UserResolution> => {
  const stored = await readStoredSession();
  if (!stored?.sessionId) return { status: "signed-out" };
  const check = await checkStoredSession(stored.sessionId);
  if (check === "unavailable") return { status: "unavailable", reason: "database" };
  if (check.state !== "active" || !check.session) {
    return { status: "ended", reason: check.state === "active" ? "revoked" : check.state };
  }
  if (isExpired(stored.expiresAt)) return { status: "expired" };
  const resolution = await resolveAccessToken(stored.accessToken, stored.email, stored.kind);
  if (resolution.status !== "signed-in") {
    if (resolution.status === "signed-out") {
      console.warn(`[auth] a ${stored.kind} session held an access token that failed verification`);
    }
    return resolution;
  }
  // The row and the token must name the same person; anything else is a forged or mixed-up cookie.
  if (resolution.user.sub !== check.session.sub) return { status: "signed-out" };
  // An admin changed this user's groups after the token was issued: renew it (as if expired) before deciding on it.
  if (issuedBeforeMark(resolution.user.claims.iat, check.session.refreshRequiredAt)) return { status: "expired" };
  return { status: "signed-in", user: { ...resolution.user, sessionId: stored.sessionId } };
});

const END_ERRORS: Record<SessionEndReason, SignInError> = {
  revoked: "SessionRevoked",
  idle: "SessionIdle",
  expired: "SessionExpired",
};

/** For pages and server actions: the signed-in user, or a redirect to where the request can go on. */
export async function requireUser(returnTo: string): Promise<CurrentUser> {
  const resolution = await getCurrentUser();
  const back = safeReturnPath(returnTo);
  switch (resolution.status) {
    case "signed-in":
      return resolution.user;
    case "expired":
      redirect(paths.refreshWith({ returnTo: back }));
    case "unavailable":
      redirect(paths.unavailableWith({ reason: resolution.reason, returnTo: back }));
    case "ended":
      redirect(paths.signInWith({ error: END_ERRORS[resolution.reason], callbackUrl: back }));
    case "signed-out":
      redirect(paths.signInWith({ callbackUrl: back }));
  }
}
