import "server-only";
import { headers } from "next/headers";
import type { AccessTokenClaims } from "@/lib/auth/token/access-token";
import {
  checkSession,
  createSession,
  endSession,
  listActiveSessions,
  recordOrigin,
  revokeAllSessions,
  revokeSession,
  type SessionCheck,
  type SessionMethod,
} from "@/lib/auth/session/registry";
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

/** After a refresh: keeps the row pointing at the origin_jti of the session's newest tokens. */
export async function recordRefreshedOrigin(
  id: string,
  previous: string | null,
  claims: AccessTokenClaims,
): Promise<void> {
  const origin = originJtiOf(claims);
  if (origin && origin !== previous) await recordOrigin(await getReadyDb(), id, origin);
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
