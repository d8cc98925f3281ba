import "server-only";
import { cookies } from "next/headers";
import { NextRequest } from "next/server";
import { JwksUnavailableError, verifyAccessToken } from "@/lib/auth/token/access-token";
import { CognitoUnavailableError, RefreshRejectedError, refreshTokens } from "@/lib/auth/cognito-api";
import { handleNextAuth } from "@/lib/auth/next-auth";
import { passwordRefreshCookie, passwordSessionCookie } from "@/lib/auth/session/password-cookies";
import {
  checkRegisteredSession,
  endRefusedSession,
  isDatabaseUnavailable,
  recordRefresh,
} from "@/lib/auth/session/app-registry";
import { readNextAuthToken, type SessionKind } from "@/lib/auth/session/stored-session";
import { parseSetCookie } from "@/lib/auth/session/set-cookie";
import { isExpired } from "@/lib/auth/token/lifetime";
import { issuedAtOf, issuedBeforeMark } from "@/lib/auth/session/refresh-mark";
import { getEnv } from "@/lib/env";

export type RefreshOutcome =
  | {
      status: "refreshed";
      kind: SessionKind;
      accessToken: string;
      email: string | undefined;
      sessionId: string | undefined;
    }
  | { status: "no-session" }
  | { status: "rejected" }
  | { status: "unavailable" };

async function refreshPasswordSession(): Promise<RefreshOutcome> {
  const [session, refresh] = await Promise.all([passwordSessionCookie.read(), passwordRefreshCookie.read()]);
  if (!session?.sessionId || !refresh) return { status: "rejected" };
  const { cognito } = getEnv();
  try {
    // A session the registry has ended is not renewed, whatever its refresh token says.
    const check = await checkRegisteredSession(session.sessionId);
    if (check.state !== "active") return { status: "rejected" };
    const tokens = await refreshTokens(cognito, refresh.refreshToken, refresh.username);
    const claims = await verifyAccessToken(tokens.accessToken, cognito);
    await recordRefresh(session.sessionId, check.session, claims);
    await passwordSessionCookie.write({ ...session, accessToken: tokens.accessToken, expiresAt: claims.exp });
    if (tokens.refreshToken !== refresh.refreshToken)
      await passwordRefreshCookie.write({ ...refresh, refreshToken: tokens.refreshToken });
    const { sessionId, email } = session;
    return { status: "refreshed", kind: "password", accessToken: tokens.accessToken, email, sessionId };
  } catch (error) {
    if (error instanceof CognitoUnavailableError || error instanceof JwksUnavailableError)
      return { status: "unavailable" };
    if (isDatabaseUnavailable(error)) return { status: "unavailable" };
    if (error instanceof RefreshRejectedError) {
      await endRefusedSession(session.sessionId);
      return { status: "rejected" };
    }
    throw error;
  }
}

/** Whether an unchanged Hosted UI token still predates its session's mark: else going back would loop. */
async function stillMarked(token: { accessToken?: string; sessionId?: string }): Promise<boolean> {
  if (!token.sessionId || !token.accessToken) return false;
  try {
    const { session } = await checkRegisteredSession(token.sessionId);
    return issuedBeforeMark(issuedAtOf(token.accessToken), session?.refreshRequiredAt);
  } catch (error) {
    if (isDatabaseUnavailable(error)) return true;
    throw error;
  }
}

/**
 * next-auth writes (and chunks) its own cookie, so the Hosted UI session is refreshed by running next-auth's
 * session endpoint in this request: its jwt callback refreshes an expired token and re-seals the cookie, whose
 * Set-Cookie headers are then applied to this response.
 */
async function refreshHostedUiSession(): Promise<RefreshOutcome> {
  const before = (await readNextAuthToken())?.accessToken;
  const sessionUrl = new URL("/api/auth/session", getEnv().appUrl);
  const response = await handleNextAuth(new NextRequest(sessionUrl), {
    params: Promise.resolve({ nextauth: ["session"] }),
  });
  const jar = await cookies();
  const after = new Map(jar.getAll().map(({ name, value }) => [name, value]));
  for (const cookie of response.headers.getSetCookie().map(parseSetCookie)) {
    jar.set(cookie.name, cookie.value, cookie.options);
    if (cookie.removed) after.delete(cookie.name);
    else after.set(cookie.name, cookie.value);
  }
  const token = await readNextAuthToken(after);
  if (!token?.accessToken || typeof token.expiresAt !== "number") return { status: "rejected" };
  // The jwt callback keeps the old token when Cognito (or the registry) cannot be reached.
  if (isExpired(token.expiresAt) || (token.accessToken === before && (await stillMarked(token)))) {
    return { status: "unavailable" };
  }
  const { accessToken, sessionId } = token;
  return { status: "refreshed", kind: "hosted-ui", accessToken, email: token.email ?? undefined, sessionId };
}

/**
 * Refreshes whichever session the browser holds, writing the new cookies. Only where cookies can be written:
 * the refresh route handler, and server actions (so a form submitted after the token expired still saves).
 */
export async function refreshSession(): Promise<RefreshOutcome> {
  if (await passwordSessionCookie.read()) return refreshPasswordSession();
  if (await readNextAuthToken()) return refreshHostedUiSession();
  return { status: "no-session" };
}
