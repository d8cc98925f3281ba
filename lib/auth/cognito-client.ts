import "server-only";
import { createHmac } from "node:crypto";
import { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import type { CognitoSettings } from "@/lib/env";
import { brandedError } from "@/lib/errors";

/**
 * The transport to Cognito's user-pool API: one SDK client per settings, one deadline per call, and how to tell a
 * Cognito outage from a refusal. The flows that use it (sign-in, refresh, revoke) are in cognito-api.ts.
 */

/** Cognito could not be reached or answered with a server error: the caller shows a 503-style message. */
export class CognitoUnavailableError extends brandedError("CognitoUnavailableError") {
  override name = "CognitoUnavailableError";
}

const clients = new Map<string, CognitoIdentityProviderClient>();

function clientFor(cognito: CognitoSettings): CognitoIdentityProviderClient {
  const key = `${cognito.region}|${cognito.apiEndpoint ?? "aws"}|${cognito.timeoutMs}`;
  let client = clients.get(key);
  if (!client) {
    client = new CognitoIdentityProviderClient({
      region: cognito.region,
      endpoint: cognito.apiEndpoint,
      // The stand-in ignores credentials but the SDK signs admin calls (the sign-in page's demo list asks one).
      credentials: cognito.mode === "local" ? { accessKeyId: "local", secretAccessKey: "local" } : undefined,
      maxAttempts: 2,
      // requestTimeout alone only logs a warning in @smithy/node-http-handler; the abort signal in callCognito is
      // the deadline, these only end a hung attempt early.
      requestHandler: {
        connectionTimeout: Math.min(3000, cognito.timeoutMs),
        requestTimeout: cognito.timeoutMs,
        throwOnRequestTimeout: true,
      },
    });
    clients.set(key, client);
  }
  return client;
}

/** Per-call options the SDK's `send` accepts. */
export type CognitoCallOptions = { abortSignal: AbortSignal };

/**
 * Every call to Cognito goes through here: it is aborted after COGNITO_TIMEOUT_MS (retries included), so a Cognito
 * that accepts and never answers becomes CognitoUnavailableError instead of a sign-in, refresh or sign-out that hangs.
 * Other errors are passed on as they are: each caller decides which Cognito refusals mean what.
 */
export async function callCognito<T>(
  cognito: CognitoSettings,
  operation: string,
  call: (client: CognitoIdentityProviderClient, options: CognitoCallOptions) => Promise<T>,
): Promise<T> {
  const abortSignal = AbortSignal.timeout(cognito.timeoutMs);
  try {
    return await call(clientFor(cognito), { abortSignal });
  } catch (error) {
    if (!abortSignal.aborted) throw error;
    throw new CognitoUnavailableError(`Cognito ${operation} did not answer within ${cognito.timeoutMs} ms`, {
      cause: error,
    });
  }
}

/** SECRET_HASH = Base64(HMAC_SHA256(client secret, username + client id)), required when the client has a secret. */
export function computeSecretHash(username: string, clientId: string, clientSecret: string): string {
  return createHmac("sha256", clientSecret)
    .update(username + clientId)
    .digest("base64");
}

export function errorName(error: unknown): string {
  return error instanceof Error ? error.name : "UnknownError";
}

export function isServiceFault(error: unknown): boolean {
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return status === undefined || status >= 500 || errorName(error) === "TooManyRequestsException";
}
