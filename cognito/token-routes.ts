import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { CognitoError } from "cognito-local/lib/errors.js";
import type { AppClient } from "cognito-local/lib/services/appClient.js";
import type { AuthResponse } from "@/cognito/auth-flows";
import { authenticateClient } from "@/cognito/client-auth";
import {
  assertRefreshClient,
  assertRefreshUserEnabled,
  refreshOfOtherClient,
  revokedByOtherClient,
} from "@/cognito/refresh-clients";
import { isFormRequest, readForm, safeEqual, sendJson } from "@/cognito/http-util";
import { secondsUntilExpiry } from "@/cognito/jwt";
import type { StandIn } from "@/cognito/stand-in";

type OAuthError =
  "invalid_request" | "invalid_client" | "invalid_grant" | "unsupported_grant_type" | "unauthorized_client";

function oauthError(res: ServerResponse, status: number, error: OAuthError, description: string): void {
  const headers: Record<string, string> = status === 401 ? { "www-authenticate": 'Basic realm="cognito-local"' } : {};
  sendJson(res, status, { error, error_description: description }, headers);
}

/** RFC 7636: verifier is 43-128 unreserved characters; challenge = base64url(SHA-256(verifier)). */
function pkceMatches(verifier: string, challenge: string): boolean {
  if (!/^[A-Za-z0-9._~-]{43,128}$/.test(verifier)) return false;
  return safeEqual(createHash("sha256").update(verifier).digest("base64url"), challenge);
}

function codeGrant(standIn: StandIn, res: ServerResponse, client: AppClient, body: Record<string, string>): void {
  const { code, redirect_uri: redirectUri, code_verifier: verifier } = body;
  if (!code || !redirectUri || !verifier)
    return oauthError(res, 400, "invalid_request", "code, redirect_uri and code_verifier are required");
  const stored = standIn.codes.take(code);
  if (!stored || stored.clientId !== client.ClientId)
    return oauthError(res, 400, "invalid_grant", "Authorization code is invalid, expired or used");
  if (stored.redirectUri !== redirectUri)
    return oauthError(res, 400, "invalid_grant", "redirect_uri does not match the authorization request");
  if (!pkceMatches(verifier, stored.codeChallenge))
    return oauthError(res, 400, "invalid_grant", "code_verifier does not match code_challenge");
  const { AccessToken, IdToken, RefreshToken } = stored.tokens;
  if (!AccessToken || !IdToken) return oauthError(res, 400, "invalid_grant", "No tokens for this code");
  sendJson(res, 200, {
    access_token: AccessToken,
    id_token: IdToken,
    refresh_token: RefreshToken,
    token_type: "Bearer",
    expires_in: secondsUntilExpiry(AccessToken),
  });
}

async function refreshGrant(
  standIn: StandIn,
  res: ServerResponse,
  client: AppClient,
  body: Record<string, string>,
): Promise<void> {
  if (!body.refresh_token) return oauthError(res, 400, "invalid_request", "refresh_token is required");
  let response: AuthResponse;
  try {
    await assertRefreshClient(standIn, client.ClientId, body.refresh_token, refreshOfOtherClient);
    await assertRefreshUserEnabled(standIn, client.ClientId, body.refresh_token);
    const request = {
      AuthFlow: "REFRESH_TOKEN_AUTH",
      ClientId: client.ClientId,
      AuthParameters: { REFRESH_TOKEN: body.refresh_token },
    };
    response = (await standIn.core.call("InitiateAuth", request)) as AuthResponse;
  } catch (error) {
    if (error instanceof CognitoError) return oauthError(res, 400, "invalid_grant", "Invalid refresh token");
    throw error;
  }
  const { AccessToken, IdToken } = response.AuthenticationResult ?? {};
  if (!AccessToken || !IdToken) return oauthError(res, 400, "invalid_grant", "Invalid refresh token");
  // Cognito without refresh-token rotation returns no new refresh token.
  sendJson(res, 200, {
    access_token: AccessToken,
    id_token: IdToken,
    token_type: "Bearer",
    expires_in: secondsUntilExpiry(AccessToken),
  });
}

async function authenticatedForm(standIn: StandIn, req: IncomingMessage, res: ServerResponse) {
  if (!isFormRequest(req)) {
    oauthError(res, 400, "invalid_request", "Content-Type must be application/x-www-form-urlencoded");
    return null;
  }
  const body = await readForm(req);
  const auth = await authenticateClient(standIn, req, body);
  if (!auth.ok) {
    oauthError(res, auth.status, auth.error, auth.description);
    return null;
  }
  return { body, client: auth.client };
}

export async function postToken(standIn: StandIn, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const form = await authenticatedForm(standIn, req, res);
  if (!form) return;
  const grantType = form.body.grant_type;
  if (grantType === "authorization_code") return codeGrant(standIn, res, form.client, form.body);
  if (grantType === "refresh_token") return refreshGrant(standIn, res, form.client, form.body);
  if (!grantType) return oauthError(res, 400, "invalid_request", "grant_type is required");
  oauthError(res, 400, "unsupported_grant_type", "Supported: authorization_code, refresh_token");
}

/** RFC 7009: answers 200 whether or not the token was known, so it reveals nothing about tokens. */
export async function postRevoke(standIn: StandIn, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const form = await authenticatedForm(standIn, req, res);
  if (!form) return;
  if (!form.body.token) return oauthError(res, 400, "invalid_request", "token is required");
  try {
    await assertRefreshClient(standIn, form.client.ClientId, form.body.token, revokedByOtherClient);
  } catch {
    // RFC 7009 section 2.1: a token issued to another client is refused, and the client told so.
    return oauthError(res, 400, "unauthorized_client", "The token was not issued to this client");
  }
  try {
    await standIn.core.call("RevokeToken", { ClientId: form.client.ClientId, Token: form.body.token });
  } catch (error) {
    if (!(error instanceof CognitoError)) throw error;
  }
  res.writeHead(200, { "cache-control": "no-store" });
  res.end();
}
