import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { AccessTokenExpiredError, type AccessTokenClaims, InvalidAccessTokenError, JwksUnavailableError, verifyAccessToken } from "@/lib/auth/access-token";
import { readStoredSession, type SessionKind } from "@/lib/auth/session";
import { isExpired } from "@/lib/auth/token-lifetime";
import { getEnv } from "@/lib/env";
import { paths } from "@/lib/paths";
import { safeReturnPath } from "@/lib/auth/return-to";

/** Who is asking, from a verified Cognito access token. */
export type CurrentUser = {
  sub: string;
  username: string;
  email: string | undefined;
  groups: string[];
  claims: AccessTokenClaims;
  via: SessionKind | "bearer";
};

export type UserResolution =
  | { status: "signed-in"; user: CurrentUser }
  | { status: "signed-out" }
  /** The access token has expired: a route handler must refresh it (server components cannot set cookies). */
  | { status: "expired" }
  /** The keys to verify the token could not be fetched. */
  | { status: "unavailable" };

export function toCurrentUser(claims: AccessTokenClaims, email: string | undefined, via: CurrentUser["via"]): CurrentUser {
  const groups = Array.isArray(claims["cognito:groups"]) ? claims["cognito:groups"].filter((g) => typeof g === "string") : [];
  return { sub: claims.sub, username: claims.username ?? claims.sub, email, groups, claims, via };
}

/** Verifies an access token and says what that means for the request. */
export async function resolveAccessToken(token: string, email: string | undefined, via: CurrentUser["via"]): Promise<UserResolution> {
  try {
    return { status: "signed-in", user: toCurrentUser(await verifyAccessToken(token, getEnv().cognito), email, via) };
  } catch (error) {
    if (error instanceof JwksUnavailableError) return { status: "unavailable" };
    // Expired between the session's own expiry check and verification: refresh rather than sign out.
    if (error instanceof AccessTokenExpiredError) return { status: "expired" };
    if (error instanceof InvalidAccessTokenError) return { status: "signed-out" };
    throw error;
  }
}

/** The identity behind this request's session cookie, verified once per request. */
export const getCurrentUser = cache(async (): Promise<UserResolution> => {
  const stored = await readStoredSession();
  if (!stored) return { status: "signed-out" };
  if (isExpired(stored.expiresAt)) return { status: "expired" };
  const resolution = await resolveAccessToken(stored.accessToken, stored.email, stored.kind);
  if (resolution.status === "signed-out" && stored.expiresAt) {
    console.warn(`[auth] a ${stored.kind} session held an access token that failed verification`);
  }
  return resolution;
});

/** For pages and server actions: the signed-in user, or a redirect to where the request can go on. */
export async function requireUser(returnTo: string): Promise<CurrentUser> {
  const resolution = await getCurrentUser();
  const back = encodeURIComponent(safeReturnPath(returnTo));
  switch (resolution.status) {
    case "signed-in":
      return resolution.user;
    case "expired":
      redirect(`${paths.refresh}?returnTo=${back}`);
    case "unavailable":
      redirect(`${paths.unavailable}?reason=cognito&returnTo=${back}`);
    case "signed-out":
      redirect(`${paths.signIn}?callbackUrl=${back}`);
  }
}
