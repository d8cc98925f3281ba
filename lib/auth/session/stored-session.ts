import "server-only";
import { cookies } from "next/headers";
import { getToken } from "next-auth/jwt";
import { verifyAccessToken } from "@/lib/auth/token/access-token";
import { emailFromIdToken } from "@/lib/auth/token/id-token";
import type { CognitoTokens } from "@/lib/auth/cognito-api";
import {
  passwordRefreshCookie,
  passwordSessionCookie,
  pendingChallengeCookie,
} from "@/lib/auth/session/password-cookies";
import { endRegisteredSession, registerSession } from "@/lib/auth/session/app-registry";
import { getEnv } from "@/lib/env";

export type SessionKind = "password" | "hosted-ui";

/**
 * The tokens of whichever session the browser holds, not yet verified, and the id of its row in the session
 * registry (undefined only in cookies sealed before the registry existed: those are treated as signed out).
 */
export type StoredSession = {
  kind: SessionKind;
  accessToken: string;
  expiresAt: number;
  email: string | undefined;
  sessionId: string | undefined;
};

function nextAuthCookieName(): string {
  return `${getEnv().secureCookies ? "__Secure-" : ""}next-auth.session-token`;
}

/** Decodes next-auth's (possibly chunked) session cookie without running its callbacks. */
export async function readNextAuthToken(cookieSource?: Map<string, string>) {
  const env = getEnv();
  const jar = cookieSource ?? (await cookies());
  // getToken also reads `Authorization: Bearer` when no cookie is present; an empty header set keeps it to cookies.
  const req = { cookies: jar, headers: {} } as unknown as Parameters<typeof getToken>[0]["req"];
  return getToken({
    req,
    secret: env.NEXTAUTH_SECRET,
    secureCookie: env.secureCookies,
    cookieName: nextAuthCookieName(),
  });
}

export async function readStoredSession(): Promise<StoredSession | null> {
  const password = await passwordSessionCookie.read();
  if (password) {
    const { accessToken, expiresAt, email, sessionId } = password;
    return { kind: "password", accessToken, expiresAt, email, sessionId };
  }
  const token = await readNextAuthToken();
  if (token?.accessToken && typeof token.expiresAt === "number") {
    const { accessToken, expiresAt, sessionId } = token;
    return { kind: "hosted-ui", accessToken, expiresAt, email: token.email ?? undefined, sessionId };
  }
  return null;
}

/** Verifies fresh tokens from Cognito and stores them as a new direct session (route handlers and actions only). */
export async function savePasswordSession(tokens: CognitoTokens, email: string): Promise<void> {
  const claims = await verifyAccessToken(tokens.accessToken, getEnv().cognito);
  const username = claims.username ?? claims.sub;
  const sessionId = await registerSession("password", claims, emailFromIdToken(tokens.idToken, claims.sub));
  // One session per browser: a Hosted UI session it held before ends on the server too.
  const previous = await readNextAuthToken();
  if (previous?.sessionId) await endRegisteredSession(previous.sessionId);
  await clearNextAuthSession();
  const { accessToken } = tokens;
  await passwordSessionCookie.write({ accessToken, expiresAt: claims.exp, email, username, sessionId });
  if (tokens.refreshToken) await passwordRefreshCookie.write({ refreshToken: tokens.refreshToken, username });
}

export async function clearPasswordSession(): Promise<void> {
  await Promise.all([passwordSessionCookie.clear(), passwordRefreshCookie.clear(), pendingChallengeCookie.clear()]);
}

/** Removes every next-auth cookie (session chunks, state, PKCE verifier, callback URL, CSRF). */
export async function clearNextAuthSession(): Promise<void> {
  const jar = await cookies();
  const secure = getEnv().secureCookies;
  for (const { name } of jar.getAll()) {
    if (/^(__Secure-|__Host-)?next-auth\./.test(name))
      jar.set(name, "", { path: "/", maxAge: 0, secure, httpOnly: true, sameSite: "lax" });
  }
}

export async function clearAllSessions(): Promise<void> {
  await Promise.all([clearPasswordSession(), clearNextAuthSession()]);
}
