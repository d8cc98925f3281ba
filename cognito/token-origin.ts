import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import type { Router } from "cognito-local/lib/server/Router.js";
import type { TokenGenerator, Tokens } from "cognito-local/lib/services/tokenGenerator.js";
import type { User } from "cognito-local/lib/services/userPoolService.js";
import { decodeJwt, resignJwt, type JwtPayload } from "@/cognito/jwt";

/**
 * Cognito stamps every token of one sign-in with the same `origin_jti`, and keeps it when the refresh token mints
 * new access and ID tokens; cognito-local has no such claim. The stand-in adds it: a new one per sign-in, carried in
 * the refresh token too, so a refresh can hand the same value on (stateless: it survives a stand-in restart).
 */

const REFRESH_FLOWS = new Set(["REFRESH_TOKEN_AUTH", "REFRESH_TOKEN"]);

/** The origin of the refresh token being used, while cognito-local handles that refresh. */
const refreshOrigin = new AsyncLocalStorage<string>();

export function originOf(token: string): string | undefined {
  const origin = decodeJwt(token)?.origin_jti;
  return typeof origin === "string" ? origin : undefined;
}

function stamp(token: string, origin: string): string {
  return resignJwt(token, { origin_jti: origin });
}

type Generate = TokenGenerator["generate"];

/** Wraps cognito-local's generator so every token it mints carries an origin_jti. */
export function withOriginJti(generator: TokenGenerator): TokenGenerator {
  return {
    async generate(...args: Parameters<Generate>): Promise<Tokens> {
      const tokens = await generator.generate(...args);
      const source = args[5];
      const origin = (source === "RefreshTokens" ? refreshOrigin.getStore() : undefined) ?? randomUUID();
      return {
        AccessToken: stamp(tokens.AccessToken, origin),
        IdToken: stamp(tokens.IdToken, origin),
        RefreshToken: stamp(tokens.RefreshToken, origin),
      };
    },
  };
}

function refreshTokenOf(target: string, request: unknown): string | undefined {
  if (target !== "InitiateAuth" && target !== "AdminInitiateAuth") return undefined;
  const body = request as { AuthFlow?: unknown; AuthParameters?: { REFRESH_TOKEN?: unknown } } | null;
  if (typeof body?.AuthFlow !== "string" || !REFRESH_FLOWS.has(body.AuthFlow)) return undefined;
  const token = body.AuthParameters?.REFRESH_TOKEN;
  return typeof token === "string" ? token : undefined;
}

/**
 * Runs cognito-local's refresh flows knowing the refresh token's origin. Reading it unverified is safe: cognito-local
 * only mints tokens for a refresh token it has stored, byte for byte, so a forged one never reaches the generator.
 */
export function withRefreshOrigins(router: Router): Router {
  return (target) => {
    const route = router(target);
    return (ctx, request) => {
      const token = refreshTokenOf(target, request);
      const origin = token ? originOf(token) : undefined;
      return origin ? refreshOrigin.run(origin, () => route(ctx, request)) : route(ctx, request);
    };
  };
}

/** When a global sign-out last ran for the user (epoch ms), kept on cognito-local's user record. */
export type SignedOutUser = User & { GlobalSignOutAt?: number };

/**
 * Revoked, as Cognito sees it: the refresh token of the token's sign-in is gone (RevokeToken, /oauth2/revoke, global
 * sign-out all remove it), or the user was globally signed out after the token was issued. A token without an
 * origin_jti was not minted by this stand-in.
 */
export function isRevoked(user: SignedOutUser, payload: JwtPayload): boolean {
  const origin = payload.origin_jti;
  if (typeof origin !== "string") return true;
  const live = (user.RefreshTokens ?? []).some((token) => originOf(token) === origin);
  if (!live) return true;
  const signedOutAt = user.GlobalSignOutAt;
  const issuedAt = typeof payload.iat === "number" ? payload.iat : 0;
  // iat has one-second granularity: only a token issued in an earlier second is surely older than the sign-out.
  return signedOutAt !== undefined && issuedAt < Math.floor(signedOutAt / 1000);
}
