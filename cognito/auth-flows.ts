import type {
  AuthenticationResultType,
  InitiateAuthResponse,
  RespondToAuthChallengeResponse,
} from "@aws-sdk/client-cognito-identity-provider";
import { CognitoError } from "cognito-local/lib/errors.js";
import { safeEqual } from "@/cognito/http-util";
import { secondsUntilExpiry } from "@/cognito/jwt";
import type { StandIn } from "@/cognito/stand-in";

export const BAD_CREDENTIALS = "Incorrect username or password.";

export type AuthResponse = InitiateAuthResponse & RespondToAuthChallengeResponse;

/** cognito-local leaves ExpiresIn and TokenType out; Cognito always sends both. */
export function withTokenExtras<T extends { AuthenticationResult?: AuthenticationResultType }>(response: T): T {
  const result = response.AuthenticationResult;
  if (!result?.AccessToken) return response;
  return {
    ...response,
    AuthenticationResult: {
      ...result,
      ExpiresIn: result.ExpiresIn ?? secondsUntilExpiry(result.AccessToken),
      TokenType: result.TokenType ?? "Bearer",
    },
  };
}

/** Replaces cognito-local's random Session with one we can check later (cognito-local never checks it). */
export function trackChallenge(standIn: StandIn, clientId: string, response: AuthResponse): AuthResponse {
  const username = response.ChallengeParameters?.USER_ID_FOR_SRP;
  if (!response.ChallengeName || !username) return response;
  return { ...response, Session: standIn.challenges.create({ clientId, username }) };
}

export type PasswordAuthRequest = {
  ClientId: string;
  AuthParameters: { USERNAME: string; PASSWORD: string };
  ClientMetadata?: Record<string, string>;
};

/** Wrong password and unknown user get Cognito's one answer: cognito-local's distinct errors reveal who has an account. */
export function mapCredentialErrors(error: unknown): unknown {
  const codes = ["InvalidPasswordException", "NotAuthorizedException", "UserNotFoundException"];
  return error instanceof CognitoError && codes.includes(error.code)
    ? new CognitoError("NotAuthorizedException", BAD_CREDENTIALS)
    : error;
}

/**
 * What Cognito checks before any flow answers: cognito-local signs disabled users in, and answers
 * NEW_PASSWORD_REQUIRED for a user with a temporary password before comparing it, so any password reached the
 * "set a new password" step. Cognito refuses a wrong temporary password like any wrong password.
 */
async function checkUserMaySignIn(standIn: StandIn, request: PasswordAuthRequest) {
  const { core } = standIn;
  const pool = await core.services.cognito.getUserPoolForClientId(core.ctx, request.ClientId);
  const user = await pool.getUserByUsername(core.ctx, request.AuthParameters.USERNAME);
  if (user?.Enabled === false) throw new CognitoError("NotAuthorizedException", "User is disabled.");
  const temporary = user?.UserStatus === "FORCE_CHANGE_PASSWORD";
  if (temporary && !safeEqual(user.Password ?? "", request.AuthParameters.PASSWORD)) {
    throw new CognitoError("NotAuthorizedException", BAD_CREDENTIALS);
  }
  return user;
}

export async function passwordAuth(standIn: StandIn, request: PasswordAuthRequest): Promise<AuthResponse> {
  await checkUserMaySignIn(standIn, request);
  try {
    const response = (await standIn.core.call("InitiateAuth", {
      ...request,
      AuthFlow: "USER_PASSWORD_AUTH",
    })) as AuthResponse;
    return trackChallenge(standIn, request.ClientId, withTokenExtras(response));
  } catch (error) {
    throw mapCredentialErrors(error);
  }
}

/**
 * ADMIN_USER_PASSWORD_AUTH. cognito-local issues tokens to a user with a temporary password; Cognito asks for a
 * new one.
 */
export async function adminPasswordAuth(standIn: StandIn, request: PasswordAuthRequest): Promise<AuthResponse> {
  const user = await checkUserMaySignIn(standIn, request);
  // The password is checked above; cognito-local's InitiateAuth then answers with the challenge Cognito sends.
  if (user?.UserStatus === "FORCE_CHANGE_PASSWORD") return passwordAuth(standIn, request);
  try {
    const adminRequest = { ...request, AuthFlow: "ADMIN_USER_PASSWORD_AUTH" };
    const response = (await standIn.core.call("AdminInitiateAuth", adminRequest)) as AuthResponse;
    return trackChallenge(standIn, request.ClientId, withTokenExtras(response));
  } catch (error) {
    throw mapCredentialErrors(error);
  }
}

type PasswordPolicy = {
  MinimumLength?: number;
  RequireUppercase?: boolean;
  RequireLowercase?: boolean;
  RequireNumbers?: boolean;
  RequireSymbols?: boolean;
};

/** cognito-local accepts any new password; Cognito enforces the pool's policy with these messages. */
export function passwordPolicyError(policy: PasswordPolicy | undefined, password: string): string | null {
  const rules: [boolean | undefined, RegExp, string][] = [
    [policy?.RequireLowercase, /[a-z]/, "Password must have lowercase characters"],
    [policy?.RequireUppercase, /[A-Z]/, "Password must have uppercase characters"],
    [policy?.RequireNumbers, /[0-9]/, "Password must have numeric characters"],
    [policy?.RequireSymbols, /[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+-]/, "Password must have symbol characters"],
  ];
  if (password.length < (policy?.MinimumLength ?? 8))
    return "Password does not conform to policy: Password not long enough";
  for (const [required, pattern, message] of rules) {
    if (required && !pattern.test(password)) return `Password does not conform to policy: ${message}`;
  }
  return null;
}

/** Checks a challenge Session is one we issued, to this client, for this user (it stays valid until answered). */
export async function verifyChallenge(
  standIn: StandIn,
  clientId: string,
  session: string | undefined,
  username: string,
): Promise<void> {
  const { core } = standIn;
  const tracked = session ? standIn.challenges.get(session) : undefined;
  const pool = await core.services.cognito.getUserPoolForClientId(core.ctx, clientId);
  const user = await pool.getUserByUsername(core.ctx, username);
  if (!tracked || tracked.clientId !== clientId || !user || user.Username !== tracked.username) {
    throw new CognitoError("NotAuthorizedException", "Invalid session for the user.");
  }
}

/**
 * NEW_PASSWORD_REQUIRED answer. cognito-local does not store the refresh token it returns here, so that token could
 * never be used; we store it, as Cognito would honour it.
 */
export async function answerNewPassword(
  standIn: StandIn,
  clientId: string,
  username: string,
  newPassword: string,
  session: string,
): Promise<AuthResponse> {
  const { core } = standIn;
  const pool = await core.services.cognito.getUserPoolForClientId(core.ctx, clientId);
  const policyError = passwordPolicyError(pool.options.Policies?.PasswordPolicy, newPassword);
  if (policyError) throw new CognitoError("InvalidPasswordException", policyError);
  const request = {
    ChallengeName: "NEW_PASSWORD_REQUIRED",
    ClientId: clientId,
    Session: session,
    ChallengeResponses: { USERNAME: username, NEW_PASSWORD: newPassword },
  };
  const response = (await core.call("RespondToAuthChallenge", request)) as AuthResponse;
  const refreshToken = response.AuthenticationResult?.RefreshToken;
  const user = await pool.getUserByUsername(core.ctx, username);
  if (refreshToken && user) await pool.storeRefreshToken(core.ctx, refreshToken, user);
  return withTokenExtras(response);
}
