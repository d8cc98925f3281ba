import "server-only";
import type { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import { callCognito, type CognitoCallOptions, CognitoUnavailableError, isServiceFault } from "@/lib/auth/cognito-api";
import { errorName } from "@/lib/auth/cognito-client";
import { getEnv } from "@/lib/env";

/**
 * One admin call to the user pool with the deadline every Cognito call has (callCognito) and one reading of its
 * failures: an outage (timeout, 5xx, throttling) is CognitoUnavailableError, a 503 for the console; a refusal
 * (UserNotFoundException, InvalidParameterException…) is passed on for the caller to name.
 */
export async function adminCall<T>(
  operation: string,
  call: (client: CognitoIdentityProviderClient, options: CognitoCallOptions, userPoolId: string) => Promise<T>,
): Promise<T> {
  const cognito = getEnv().cognito;
  try {
    return await callCognito(cognito, operation, (client, options) => call(client, options, cognito.userPoolId));
  } catch (error) {
    if (error instanceof CognitoUnavailableError) throw error;
    if (isServiceFault(error)) throw new CognitoUnavailableError(`Cognito ${operation} failed`, { cause: error });
    throw error;
  }
}

/** Cognito's refusal by its exception name ("UserNotFoundException"). */
export function isCognitoRefusal(error: unknown, name: string): boolean {
  return !(error instanceof CognitoUnavailableError) && errorName(error) === name;
}
