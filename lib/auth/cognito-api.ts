import "server-only";
import {
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  RevokeTokenCommand,
  type AuthenticationResultType,
} from "@aws-sdk/client-cognito-identity-provider";
import type { CognitoSettings } from "@/lib/env";
import {
  callCognito,
  CognitoUnavailableError,
  computeSecretHash,
  errorName,
  isServiceFault,
} from "@/lib/auth/cognito-client";
import { brandedError } from "@/lib/errors";

export {
  callCognito,
  type CognitoCallOptions,
  CognitoUnavailableError,
  computeSecretHash,
  isServiceFault,
} from "@/lib/auth/cognito-client";

/** Tokens straight from Cognito, not yet verified. */
export type CognitoTokens = { accessToken: string; refreshToken: string | undefined; idToken?: string };

export type PasswordSignInResult =
  | { status: "signed-in"; tokens: CognitoTokens }
  | { status: "new-password-required"; session: string }
  | { status: "invalid-credentials" }
  /** Cognito's own lockout after repeated failures ("Password attempts exceeded"). */
  | { status: "locked-out" }
  | { status: "not-allowed"; message: string };

export type NewPasswordResult =
  | { status: "signed-in"; tokens: CognitoTokens }
  | { status: "invalid-password"; message: string }
  | { status: "challenge-expired" };

/** Cognito refused the refresh token (revoked, expired, or of another client). */
export class RefreshRejectedError extends brandedError("RefreshRejectedError") {
  override name = "RefreshRejectedError";
}

/** Cognito tells its temporary lockout apart from a wrong password only by the message. */
function isLockout(error: unknown): boolean {
  return error instanceof Error && /password attempts exceeded/i.test(error.message);
}

function toTokens(result: AuthenticationResultType | undefined): CognitoTokens {
  if (!result?.AccessToken) throw new CognitoUnavailableError("Cognito answered without an access token");
  return { accessToken: result.AccessToken, refreshToken: result.RefreshToken, idToken: result.IdToken };
}

export async function signInWithPassword(
  cognito: CognitoSettings,
  email: string,
  password: string,
): Promise<PasswordSignInResult> {
  try {
    const output = await callCognito(cognito, "InitiateAuth", (client, options) =>
      client.send(
        new InitiateAuthCommand({
          AuthFlow: "USER_PASSWORD_AUTH",
          ClientId: cognito.clientId,
          AuthParameters: {
            USERNAME: email,
            PASSWORD: password,
            SECRET_HASH: computeSecretHash(email, cognito.clientId, cognito.clientSecret),
          },
        }),
        options,
      ),
    );
    if (output.ChallengeName === "NEW_PASSWORD_REQUIRED" && output.Session)
      return { status: "new-password-required", session: output.Session };
    if (output.ChallengeName)
      return {
        status: "not-allowed",
        message: `This account needs a sign-in step this app does not support (${output.ChallengeName}).`,
      };
    return { status: "signed-in", tokens: toTokens(output.AuthenticationResult) };
  } catch (error) {
    if (error instanceof CognitoUnavailableError) throw error;
    const name = errorName(error);
    if (name === "NotAuthorizedException" && isLockout(error)) return { status: "locked-out" };
    // The same answer for a wrong password and an unknown user, so the form cannot be used to find accounts.
    if (name === "NotAuthorizedException" || name === "UserNotFoundException") return { status: "invalid-credentials" };
    if (name === "PasswordResetRequiredException")
      return { status: "not-allowed", message: "This account's password must be reset before it can sign in." };
    if (name === "UserNotConfirmedException")
      return { status: "not-allowed", message: "This account has not been confirmed yet." };
    if (isServiceFault(error)) throw new CognitoUnavailableError("Cognito InitiateAuth failed", { cause: error });
    throw new CognitoUnavailableError(`Cognito refused the sign-in (${name})`, { cause: error });
  }
}

export async function completeNewPassword(
  cognito: CognitoSettings,
  email: string,
  session: string,
  newPassword: string,
): Promise<NewPasswordResult> {
  try {
    const output = await callCognito(cognito, "RespondToAuthChallenge", (client, options) =>
      client.send(
        new RespondToAuthChallengeCommand({
          ChallengeName: "NEW_PASSWORD_REQUIRED",
          ClientId: cognito.clientId,
          Session: session,
          ChallengeResponses: {
            USERNAME: email,
            NEW_PASSWORD: newPassword,
            SECRET_HASH: computeSecretHash(email, cognito.clientId, cognito.clientSecret),
          },
        }),
        options,
      ),
    );
    return { status: "signed-in", tokens: toTokens(output.AuthenticationResult) };
  } catch (error) {
    if (error instanceof CognitoUnavailableError) throw error;
    const name = errorName(error);
    if (name === "InvalidPasswordException") return { status: "invalid-password", message: (error as Error).message };
    if (name === "NotAuthorizedException" || name === "CodeMismatchException" || name === "ExpiredCodeException")
      return { status: "challenge-expired" };
    throw new CognitoUnavailableError(`Cognito RespondToAuthChallenge failed (${name})`, { cause: error });
  }
}

/** REFRESH_TOKEN_AUTH; `username` is the token's `username` claim, which Cognito hashes into SECRET_HASH. */
export async function refreshTokens(
  cognito: CognitoSettings,
  refreshToken: string,
  username: string,
): Promise<CognitoTokens & { refreshToken: string }> {
  try {
    const output = await callCognito(cognito, "InitiateAuth", (client, options) =>
      client.send(
        new InitiateAuthCommand({
          AuthFlow: "REFRESH_TOKEN_AUTH",
          ClientId: cognito.clientId,
          AuthParameters: {
            REFRESH_TOKEN: refreshToken,
            SECRET_HASH: computeSecretHash(username, cognito.clientId, cognito.clientSecret),
          },
        }),
        options,
      ),
    );
    const tokens = toTokens(output.AuthenticationResult);
    // Without refresh-token rotation Cognito returns no new refresh token: keep the one we have.
    return { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken ?? refreshToken };
  } catch (error) {
    if (error instanceof CognitoUnavailableError) throw error;
    if (isServiceFault(error)) throw new CognitoUnavailableError("Cognito refresh failed", { cause: error });
    throw new RefreshRejectedError(`Cognito refused the refresh token (${errorName(error)})`, { cause: error });
  }
}

/** Revokes a refresh token (and the access tokens issued from it). Best effort: sign-out goes on if Cognito is down. */
export async function revokeRefreshToken(cognito: CognitoSettings, refreshToken: string): Promise<boolean> {
  try {
    await callCognito(cognito, "RevokeToken", (client, options) =>
      client.send(
        new RevokeTokenCommand({ Token: refreshToken, ClientId: cognito.clientId, ClientSecret: cognito.clientSecret }),
        options,
      ),
    );
    return true;
  } catch (error) {
    console.warn(`[auth] refresh token revocation failed: ${errorName(error)}`);
    return false;
  }
}
