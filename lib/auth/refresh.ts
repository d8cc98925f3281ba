import "server-only";
import { JwksUnavailableError, verifyAccessToken } from "@/lib/auth/access-token";
import { CognitoUnavailableError, RefreshRejectedError, refreshTokens } from "@/lib/auth/cognito-api";
import { handleNextAuth } from "@/lib/auth/next-auth";
import { passwordRefreshCookie, passwordSessionCookie } from "@/lib/auth/password-session";
import { readNextAuthToken } from "@/lib/auth/session";
import { isExpired } from "@/lib/auth/token-lifetime";
import { getEnv } from "@/lib/env";
import { cookies } from "next/headers";
import { NextRequest } from "next/server";

export type RefreshOutcome =
  | { status: "refreshed"; setCookies: string[] }
  | { status: "no-session" }
  | { status: "rejected" }
  | { status: "unavailable" };

async function refreshPasswordSession(): Promise<RefreshOutcome> {
  const [session, refresh] = await Promise.all([passwordSessionCookie.read(), passwordRefreshCookie.read()]);
  if (!session || !refresh) return { status: "rejected" };
  const { cognito } = getEnv();
  try {
    const tokens = await refreshTokens(cognito, refresh.refreshToken, refresh.username);
    const claims = await verifyAccessToken(tokens.accessToken, cognito);
    await passwordSessionCookie.write({ ...session, accessToken: tokens.accessToken, expiresAt: claims.exp });
    if (tokens.refreshToken !== refresh.refreshToken) await passwordRefreshCookie.write({ ...refresh, refreshToken: tokens.refreshToken });
    return { status: "refreshed", setCookies: [] };
  } catch (error) {
    if (error instanceof CognitoUnavailableError || error instanceof JwksUnavailableError) return { status: "unavailable" };
    if (error instanceof RefreshRejectedError) return { status: "rejected" };
    throw error;
  }
}

/** Applies Set-Cookie headers to the cookies the request came with, as the browser would. */
function cookiesAfter(current: { name: string; value: string }[], setCookies: string[]): Map<string, string> {
  const jar = new Map(current.map(({ name, value }) => [name, value]));
  for (const header of setCookies) {
    const [pair = "", ...attributes] = header.split(";");
    const separator = pair.indexOf("=");
    const name = pair.slice(0, separator).trim();
    const value = pair.slice(separator + 1).trim();
    const removed = value === "" || attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=Thu, 01 Jan 1970/i.test(a));
    if (removed) jar.delete(name);
    else jar.set(name, value);
  }
  return jar;
}

/**
 * next-auth writes (and chunks) its own cookie, so the Hosted UI session is refreshed by running next-auth's
 * session endpoint in this request: its jwt callback refreshes an expiring token and re-seals the cookie.
 */
async function refreshHostedUiSession(requestUrl: string): Promise<RefreshOutcome> {
  const sessionUrl = new URL("/api/auth/session", requestUrl);
  const response = await handleNextAuth(new NextRequest(sessionUrl), { params: Promise.resolve({ nextauth: ["session"] }) });
  const setCookies = response.headers.getSetCookie();
  const token = await readNextAuthToken(cookiesAfter((await cookies()).getAll(), setCookies));
  if (!token?.accessToken || typeof token.expiresAt !== "number") return { status: "rejected" };
  if (isExpired(token.expiresAt)) return { status: "unavailable" };
  return { status: "refreshed", setCookies };
}

/** Refreshes whichever session the browser holds. Only callable where cookies can be written. */
export async function refreshSession(requestUrl: string): Promise<RefreshOutcome> {
  if (await passwordSessionCookie.read()) return refreshPasswordSession();
  if (await readNextAuthToken()) return refreshHostedUiSession(requestUrl);
  return { status: "no-session" };
}
