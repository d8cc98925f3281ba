import "server-only";
import type { AccessTokenClaims } from "@/lib/auth/token/access-token";
import { cognitoVerdict } from "@/lib/auth/token/bearer-cognito-check";
import { CognitoUnavailableError } from "@/lib/auth/cognito-api";
import { resolveAccessToken, type UserResolution } from "@/lib/auth/current-user";
import { sessionState } from "@/lib/auth/session/expiry";
import { findSessionByOrigin, findUserRefreshMark } from "@/lib/auth/session/registry";
import { issuedBeforeMark } from "@/lib/auth/session/refresh-mark";
import { isDatabaseUnavailable, originJtiOf } from "@/lib/auth/session/app-registry";
import { getReadyDb } from "@/lib/db/migrate";
import { getEnv } from "@/lib/env";

/** Real Cognito access tokens are about 1 KB; anything far larger is not one. */
const MAX_TOKEN_LENGTH = 8192;

export type BearerResolution = UserResolution | { status: "missing" };

/** A token from a sign-in this app registered (same origin_jti) lives no longer than that session. */
async function sessionEnded(claims: AccessTokenClaims): Promise<boolean> {
  const origin = originJtiOf(claims);
  if (!origin) return false;
  const session = await findSessionByOrigin(await getReadyDb(), origin);
  return session !== null && sessionState(session, new Date()) !== "active";
}

/** Issued before an admin last changed the user's groups: its `cognito:groups` may be stale, the client must refresh. */
async function predatesUserMark(claims: AccessTokenClaims): Promise<boolean> {
  return issuedBeforeMark(claims.iat, await findUserRefreshMark(await getReadyDb(), claims.sub));
}

/** What the registry and (opt-in) Cognito itself say about a token that verified. */
async function stillHonoured(token: string, claims: AccessTokenClaims): Promise<UserResolution | null> {
  try {
    const [ended, predates] = await Promise.all([sessionEnded(claims), predatesUserMark(claims)]);
    if (ended) return { status: "ended", reason: "revoked" };
    if (predates) return { status: "expired" };
    const { enabled, ttlMs } = getEnv().bearerCognitoCheck;
    if (!enabled) return null;
    const verdict = await cognitoVerdict(getEnv().cognito, token, { ttlMs, expiresAt: claims.exp });
    return verdict === "accepted" ? null : { status: "ended", reason: "revoked" };
  } catch (error) {
    if (isDatabaseUnavailable(error)) return { status: "unavailable", reason: "database" };
    if (error instanceof CognitoUnavailableError) return { status: "unavailable", reason: "cognito" };
    throw error;
  }
}

/**
 * The identity behind `Authorization: Bearer <Cognito access token>`, verified exactly like a session's token, then
 * refused if it belongs to a session the app has ended (or, with BEARER_VERIFY_WITH_COGNITO, if Cognito refuses it).
 */
export async function authenticateBearer(request: Request): Promise<BearerResolution> {
  const header = request.headers.get("authorization");
  if (!header) return { status: "missing" };
  const match = /^Bearer ([A-Za-z0-9\-_=.]+)$/i.exec(header.trim());
  if (!match?.[1] || match[1].length > MAX_TOKEN_LENGTH) return { status: "signed-out" };
  const resolution = await resolveAccessToken(match[1], undefined, "bearer");
  if (resolution.status !== "signed-in") return resolution;
  return (await stillHonoured(match[1], resolution.user.claims)) ?? resolution;
}
