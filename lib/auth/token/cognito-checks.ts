import "server-only";
import { GetUserCommand, GlobalSignOutCommand } from "@aws-sdk/client-cognito-identity-provider";
import { callCognito, CognitoUnavailableError, isServiceFault } from "@/lib/auth/cognito-api";
import type { CognitoSettings } from "@/lib/env";

/** Cognito's calls about a session's tokens (GetUser, GlobalSignOut), each under the deadline every call has. */

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
    await callCognito(cognito, "GetUser", (client, options) =>
      client.send(new GetUserCommand({ AccessToken: accessToken }), options),
    );
    return "accepted";
  } catch (error) {
    return verdictOrUnavailable(error, "GetUser");
  }
}

/** Ends every session of the token's user at Cognito: all refresh tokens, and the access tokens issued before. */
export async function globalSignOut(cognito: CognitoSettings, accessToken: string): Promise<CognitoTokenVerdict> {
  try {
    await callCognito(cognito, "GlobalSignOut", (client, options) =>
      client.send(new GlobalSignOutCommand({ AccessToken: accessToken }), options),
    );
    return "accepted";
  } catch (error) {
    return verdictOrUnavailable(error, "GlobalSignOut");
  }
}
