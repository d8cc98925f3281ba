import "server-only";
import { createHmac } from "node:crypto";
import {
  CognitoIdentityProviderClient,
  GetUserCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  RevokeTokenCommand,
  type AuthenticationResultType,
} from "@aws-sdk/client-cognito-identity-provider";
import type { CognitoSettings } from "@/lib/env";

/** Tokens straight from Cognito, not yet verified. */
export type CognitoTokens = { accessToken: string; refreshToken: string | undefined };

export type PasswordSignInResult =
  | { status: "signed-in"; tokens: CognitoTokens }
  | { status: "new-password-required"; session: string }
  | { status: "invalid-credentials" }
  | { status: "not-allowed"; message: string };

export type NewPasswordResult =
  | { status: "signed-in"; tokens: CognitoTokens }
  | { status: "invalid-password"; message: string }
  | { status: "challenge-expired" };

/** Cognito could not be reached or answered with a server error: the caller shows a 503-style message. */
export class CognitoUnavailableError extends Error {
  override name = "CognitoUnavailableError";
}

/** Cognito refused the refresh token (revoked, expired, or of another client). */
export class RefreshRejectedError extends Error {
  override name = "RefreshRejectedError";
}

const clients = new Map<string, CognitoIdentityProviderClient>();

function clientFor(cognito: CognitoSettings): CognitoIdentityProviderClient {
  const key = `${cognito.region}|${cognito.apiEndpoint ?? "aws"}`;
  let client = clients.get(key);
  if (!client) {
    client = new CognitoIdentityProviderClient({
      region: cognito.region,
      endpoint: cognito.apiEndpoint,
      maxAttempts: 2,
      requestHandler: { connectionTimeout: 3000, requestTimeout: 8000 },
    });
    clients.set(key, client);
  }
  return client;
}

/** SECRET_HASH = Base64(HMAC_SHA256(client secret, username + client id)), required when the client has a secret. */
export function computeSecretHash(username: string, clientId: string, clientSecret: string): string {
  return createHmac("sha256", clientSecret).update(username + clientId).digest("base64");
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : "UnknownError";
}

function isServiceFault(error: unknown): boolean {
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return status === undefined || status >= 500 || errorName(error) === "TooManyRequestsException";
}

function toTokens(result: AuthenticationResultType | undefined): CognitoTokens {
  if (!result?.AccessToken) throw new CognitoUnavailableError("Cognito answered without an access token");
  return { accessToken: result.AccessToken, refreshToken: result.RefreshToken };
}

export async function signInWithPassword(cognito: CognitoSettings, email: string, password: string): Promise<PasswordSignInResult> {
  try {
    const output = await clientFor(cognito).send(
      new InitiateAuthCommand({
        AuthFlow: "USER_PASSWORD_AUTH",
        ClientId: cognito.clientId,
        AuthParameters: { USERNAME: email, PASSWORD: password, SECRET_HASH: computeSecretHash(email, cognito.clientId, cognito.clientSecret) },
      }),
    );
    if (output.ChallengeName === "NEW_PASSWORD_REQUIRED" && output.Session) return { status: "new-password-required", session: output.Session };
    if (output.ChallengeName) return { status: "not-allowed", message: `This account needs a sign-in step this app does not support (${output.ChallengeName}).` };
    return { status: "signed-in", tokens: toTokens(output.AuthenticationResult) };
  } catch (error) {
    const name = errorName(error);
    // The same answer for a wrong password and an unknown user, so the form cannot be used to find accounts.
    if (name === "NotAuthorizedException" || name === "UserNotFoundException") return { status: "invalid-credentials" };
    if (name === "PasswordResetRequiredException") return { status: "not-allowed", message: "This account's password must be reset before it can sign in." };
    if (name === "UserNotConfirmedException") return { status: "not-allowed", message: "This account has not been confirmed yet." };
    if (isServiceFault(error)) throw new CognitoUnavailableError("Cognito InitiateAuth failed", { cause: error });
    throw new CognitoUnavailableError(`Cognito refused the sign-in (${name})`, { cause: error });
  }
}

export async function completeNewPassword(cognito: CognitoSettings, email: string, session: string, newPassword: string): Promise<NewPasswordResult> {
  try {
    const output = await clientFor(cognito).send(
      new RespondToAuthChallengeCommand({
        ChallengeName: "NEW_PASSWORD_REQUIRED",
        ClientId: cognito.clientId,
        Session: session,
        ChallengeResponses: { USERNAME: email, NEW_PASSWORD: newPassword, SECRET_HASH: computeSecretHash(email, cognito.clientId, cognito.clientSecret) },
      }),
    );
    return { status: "signed-in", tokens: toTokens(output.AuthenticationResult) };
  } catch (error) {
    const name = errorName(error);
    if (name === "InvalidPasswordException") return { status: "invalid-password", message: (error as Error).message };
    if (name === "NotAuthorizedException" || name === "CodeMismatchException" || name === "ExpiredCodeException") return { status: "challenge-expired" };
    throw new CognitoUnavailableError(`Cognito RespondToAuthChallenge failed (${name})`, { cause: error });
  }
}

/** REFRESH_TOKEN_AUTH; `username` is the token's `username` claim, which Cognito hashes into SECRET_HASH. */
export async function refreshTokens(cognito: CognitoSettings, refreshToken: string, username: string): Promise<CognitoTokens & { refreshToken: string }> {
  try {
    const output = await clientFor(cognito).send(
      new InitiateAuthCommand({
        AuthFlow: "REFRESH_TOKEN_AUTH",
        ClientId: cognito.clientId,
        AuthParameters: { REFRESH_TOKEN: refreshToken, SECRET_HASH: computeSecretHash(username, cognito.clientId, cognito.clientSecret) },
      }),
    );
    const tokens = toTokens(output.AuthenticationResult);
    // Without refresh-token rotation Cognito returns no new refresh token: keep the one we have.
    return { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken ?? refreshToken };
  } catch (error) {
    if (error instanceof CognitoUnavailableError || isServiceFault(error)) throw new CognitoUnavailableError("Cognito refresh failed", { cause: error });
    throw new RefreshRejectedError(`Cognito refused the refresh token (${errorName(error)})`, { cause: error });
  }
}

/** Revokes a refresh token (and the access tokens issued from it). Best effort: sign-out goes on if Cognito is down. */
export async function revokeRefreshToken(cognito: CognitoSettings, refreshToken: string): Promise<boolean> {
  try {
    await clientFor(cognito).send(new RevokeTokenCommand({ Token: refreshToken, ClientId: cognito.clientId, ClientSecret: cognito.clientSecret }));
    return true;
  } catch (error) {
    console.warn(`[auth] refresh token revocation failed: ${errorName(error)}`);
    return false;
  }
}

/** Cognito's own verdict on an access token: "refused" when it is revoked (or expired, or not Cognito's at all). */
export type CognitoTokenVerdict = "accepted" | "refused";

function verdictOrUnavailable(error: unknown, call: string): CognitoTokenVerdict {
  if (isServiceFault(error)) throw new CognitoUnavailableError(`Cognito ${call} failed`, { cause: error });
  return "refused";
}

/**
 * GetUser answers only for a token Cognito still honours: on real Cognito (and the stand-in) it refuses a token whose
 * refresh token was revoked or whose user was signed out globally, which no local JWT check can know.
 */
export async function checkAccessTokenWithCognito(
  cognito: CognitoSettings,
  accessToken: string,
): Promise<CognitoTokenVerdict> {
  try {
    await clientFor(cognito).send(new GetUserCommand({ AccessToken: accessToken }));
    return "accepted";
  } catch (error) {
    return verdictOrUnavailable(error, "GetUser");
  }
}

/** Ends every session of the token's user at Cognito: all refresh tokens, and the access tokens issued before. */
export async function globalSignOut(cognito: CognitoSettings, accessToken: string): Promise<CognitoTokenVerdict> {
  try {
    await clientFor(cognito).send(new GlobalSignOutCommand({ AccessToken: accessToken }));
    return "accepted";
  } catch (error) {
    return verdictOrUnavailable(error, "GlobalSignOut");
  }
}
