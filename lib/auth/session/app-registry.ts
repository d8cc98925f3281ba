import "server-only";
import { headers } from "next/headers";
import type { AccessTokenClaims } from "@/lib/auth/token/access-token";
import {
  checkSession,
  clearRefreshMark,
  createSession,
  endSession,
  listActiveSessions,
  recordOrigin,
  requireRefresh,
  revokeAllSessions,
  revokeSession,
  type SessionCheck,
  type SessionMethod,
} from "@/lib/auth/session/registry";
import type { SessionRow } from "@/lib/db/schema";
import { userAgentLabel } from "@/lib/auth/session/user-agent-label";
import { DatabaseUnavailableError } from "@/lib/db/unavailable";
import { getReadyDb } from "@/lib/db/migrate";
import { recordUsers } from "@/lib/db/user-directory";
import { getEnv } from "@/lib/env";

/** The registry as the app uses it: the process database, the configured timeouts, the request's user agent. */

export function originJtiOf(claims: AccessTokenClaims): string | undefined {
  return typeof claims.origin_jti === "string" && claims.origin_jti !== "" ? claims.origin_jti : undefined;
}

/** The database failed: the request answers 503 (the error's brand makes instanceof hold across Next's bundles). */
export function isDatabaseUnavailable(error: unknown): boolean {
  return error instanceof DatabaseUnavailableError;
}

/**
 * Registers a new sign-in and returns the session id its cookie will carry (route handlers and actions only).
 * `email` is Cognito's (from the sign-in's ID token), recorded in the user directory so contacts show their owner.
 */
export async function registerSession(
  method: SessionMethod,
  claims: AccessTokenClaims,
  email: string | undefined,
): Promise<string> {
  const userAgent = userAgentLabel((await headers()).get("user-agent"));
  const db = await getReadyDb();
  const input = { sub: claims.sub, method, userAgent, originJti: originJtiOf(claims) };
  const [session] = await Promise.all([
    createSession(db, input, getEnv().sessionTimeouts),
    email ? recordUsers(db, [{ sub: claims.sub, email }]) : undefined,
  ]);
  return session.id;
}

export async function checkRegisteredSession(id: string): Promise<SessionCheck> {
  return checkSession(await getReadyDb(), id, getEnv().sessionTimeouts);
}

/** Ends the session whose cookie this request carries (possession of the sealed id is the proof). */
export async function endRegisteredSession(id: string): Promise<void> {
  await endSession(await getReadyDb(), id);
}

/**
 * Cognito refused the session's refresh token (user disabled, signed out globally): the row ends too, so the sessions
 * page stops listing it. Best effort: the cookies are cleared either way, and a database outage must not turn
 * "signed out" into an error page.
 */
export async function endRefusedSession(id: string): Promise<void> {
  try {
    await endRegisteredSession(id);
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
  }
}

/**
 * After a successful refresh, given the row as it was read before Cognito was asked: keeps the row pointing at the
 * origin_jti of the session's newest tokens, and clears the refresh mark the new tokens answer (compare-and-clear).
 */
export async function recordRefresh(id: string, seen: SessionRow | null, claims: AccessTokenClaims): Promise<void> {
  const origin = originJtiOf(claims);
  const newOrigin = origin && origin !== seen?.originJti ? origin : undefined;
  const mark = seen?.refreshRequiredAt;
  if (!newOrigin && !mark) return;
  const db = await getReadyDb();
  if (newOrigin) await recordOrigin(db, id, newOrigin);
  if (mark) await clearRefreshMark(db, id, mark);
}

/**
 * For the admin console, after Cognito has changed `sub`'s groups or enabled state: each of their sessions refreshes
 * at its next request, and their older Bearer tokens are refused. Returns how many sessions were marked.
 */
export async function requireUserRefresh(sub: string): Promise<number> {
  return requireRefresh(await getReadyDb(), sub);
}

export async function listUserSessions(sub: string) {
  return listActiveSessions(await getReadyDb(), sub);
}

/** Only ever the caller's own rows: the owner is the signed-in user, never taken from the form. */
export async function revokeUserSession(id: string, sub: string): Promise<boolean> {
  return revokeSession(await getReadyDb(), id, sub);
}

export async function revokeAllUserSessions(sub: string): Promise<number> {
  return revokeAllSessions(await getReadyDb(), sub);
}
