import type { AuthenticationResultType } from "@aws-sdk/client-cognito-identity-provider";
import { CognitoError } from "cognito-local/lib/errors.js";
import type { User } from "cognito-local/lib/services/userPoolService.js";
import { decodeJwt } from "@/cognito/jwt";
import type { StandIn } from "@/cognito/stand-in";

/**
 * cognito-local's refresh tokens name no app client, and it revokes any client's token for any other. Cognito binds
 * each refresh token to the client it was issued to. We keep that binding on the user record (so it survives a
 * restart, like the tokens themselves), keyed by the token's `jti`, and drop bindings of tokens the user no longer has.
 */
type UserWithClients = User & { RefreshTokenClients?: Record<string, string> };

function jtiOf(token: string): string | undefined {
  const jti = decodeJwt(token)?.jti;
  return typeof jti === "string" ? jti : undefined;
}

async function findOwner(standIn: StandIn, clientId: string, token: string) {
  const { core } = standIn;
  const pool = await core.services.cognito.getUserPoolForClientId(core.ctx, clientId);
  const user = (await pool.getUserByRefreshToken(core.ctx, token)) as UserWithClients | null;
  return { pool, user };
}

/** Records which client a just-issued refresh token belongs to. */
export async function recordRefreshClient(
  standIn: StandIn,
  clientId: string,
  result: AuthenticationResultType | undefined,
): Promise<void> {
  const token = result?.RefreshToken;
  const jti = token ? jtiOf(token) : undefined;
  if (!token || !jti) return;
  const { pool, user } = await findOwner(standIn, clientId, token);
  if (!user) return;
  const live = new Set((user.RefreshTokens ?? []).map(jtiOf));
  const kept = Object.entries(user.RefreshTokenClients ?? {}).filter(([key]) => live.has(key));
  const bindings = { ...Object.fromEntries(kept), [jti]: clientId };
  await pool.saveUser(standIn.core.ctx, { ...user, RefreshTokenClients: bindings } as User);
}

/**
 * Refuses a known refresh token that was issued to another client (or whose client we never recorded: fail
 * closed). An unknown token passes, so the caller answers it as cognito-local does.
 */
export async function assertRefreshClient(
  standIn: StandIn,
  clientId: string,
  token: string,
  error: () => CognitoError,
): Promise<void> {
  const { user } = await findOwner(standIn, clientId, token);
  if (!user) return;
  const jti = jtiOf(token);
  const owner = jti ? user.RefreshTokenClients?.[jti] : undefined;
  if (owner !== clientId) throw error();
}

/**
 * cognito-local renews a disabled user's tokens (InitiateAuth and /oauth2/token alike); Cognito refuses, so disabling
 * someone ends their sessions at the next refresh.
 */
export const userDisabled = () => new CognitoError("NotAuthorizedException", "User is disabled.");

/** Refuses a refresh for a disabled user; an unknown token passes, so the caller answers it as cognito-local does. */
export async function assertRefreshUserEnabled(standIn: StandIn, clientId: string, token: string): Promise<void> {
  const { user } = await findOwner(standIn, clientId, token);
  if (user?.Enabled === false) throw userDisabled();
}

/** RevokeToken for a token of another client: the error type Cognito's API declares for an unauthorized request. */
export const revokedByOtherClient = () =>
  new CognitoError("UnauthorizedException", "Refresh Token has different Client");

/** Cognito's answer to a refresh with another client's token (seen since 2022; earlier "Invalid Refresh Token"). */
export const refreshOfOtherClient = () =>
  new CognitoError("NotAuthorizedException", "Refresh Token has different Client");
