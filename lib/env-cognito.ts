/**
 * The app's view of its user pool, derived from the COGNITO_* variables (lib/env.ts validates their shapes first).
 * Two modes share one code path:
 * - `aws`: real Cognito (issuer and JWKS on cognito-idp.<region>.amazonaws.com, Hosted UI on COGNITO_DOMAIN);
 * - `local`: the stand-in in cognito/, whose signing key is public, so it is trusted only when
 *   COGNITO_MODE=local says so explicitly and only on a loopback address.
 */

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

export type CognitoSettings = {
  mode: "aws" | "local";
  region: string;
  userPoolId: string;
  clientId: string;
  clientSecret: string;
  /** `iss` of every token the pool mints; next-auth discovers the Hosted UI from `${issuer}/.well-known/openid-configuration`. */
  issuer: string;
  jwksUri: string;
  /** Base URL of the Hosted UI (its `/logout` ends the Cognito session). */
  hostedUiUrl: string;
  /** User-pool API endpoint override; undefined means the AWS SDK's regional default. */
  apiEndpoint: string | undefined;
  /** Deadline of every user-pool API call (COGNITO_TIMEOUT_MS). */
  timeoutMs: number;
};

/** The validated variables this derivation reads (URLs without a trailing slash). */
export type CognitoVariables = {
  COGNITO_MODE: "aws" | "local";
  COGNITO_REGION?: string | undefined;
  COGNITO_USER_POOL_ID: string;
  COGNITO_CLIENT_ID: string;
  COGNITO_CLIENT_SECRET: string;
  COGNITO_DOMAIN?: string | undefined;
  COGNITO_LOCAL_URL?: string | undefined;
  COGNITO_API_ENDPOINT?: string | undefined;
  COGNITO_TIMEOUT_MS: number;
};

const isLoopback = (url: string) => LOOPBACK_HOSTS.has(new URL(url).hostname);

function deriveLocal(raw: CognitoVariables, problems: string[]): CognitoSettings | undefined {
  const localUrl = raw.COGNITO_LOCAL_URL;
  const apiEndpoint = raw.COGNITO_API_ENDPOINT;
  if (!localUrl) return void problems.push("COGNITO_LOCAL_URL: required when COGNITO_MODE=local");
  if (!isLoopback(localUrl)) {
    // The stand-in signs with a key published in the cognito-local package: anyone can mint its tokens.
    return void problems.push("COGNITO_LOCAL_URL: the stand-in is only trusted on a loopback address");
  }
  if (apiEndpoint && !isLoopback(apiEndpoint)) {
    return void problems.push("COGNITO_API_ENDPOINT: in local mode it must be a loopback address, like the stand-in");
  }
  const issuer = `${localUrl}/${raw.COGNITO_USER_POOL_ID}`;
  return {
    ...common(raw),
    mode: "local",
    region: raw.COGNITO_REGION ?? "local",
    issuer,
    jwksUri: `${issuer}/.well-known/jwks.json`,
    hostedUiUrl: localUrl,
    apiEndpoint: apiEndpoint ?? localUrl,
  };
}

function deriveAws(raw: CognitoVariables, problems: string[]): CognitoSettings | undefined {
  const apiEndpoint = raw.COGNITO_API_ENDPOINT;
  if (!raw.COGNITO_REGION) problems.push("COGNITO_REGION: required when COGNITO_MODE=aws");
  if (!raw.COGNITO_DOMAIN) problems.push("COGNITO_DOMAIN: required when COGNITO_MODE=aws (the Hosted UI domain)");
  else if (!raw.COGNITO_DOMAIN.startsWith("https://")) problems.push("COGNITO_DOMAIN: must be an https:// URL");
  if (apiEndpoint && !apiEndpoint.startsWith("https://"))
    problems.push("COGNITO_API_ENDPOINT: must be an https:// URL in aws mode");
  if (!raw.COGNITO_REGION || !raw.COGNITO_DOMAIN) return undefined;
  const issuer = `https://cognito-idp.${raw.COGNITO_REGION}.amazonaws.com/${raw.COGNITO_USER_POOL_ID}`;
  return {
    ...common(raw),
    mode: "aws",
    region: raw.COGNITO_REGION,
    issuer,
    jwksUri: `${issuer}/.well-known/jwks.json`,
    hostedUiUrl: raw.COGNITO_DOMAIN,
    apiEndpoint,
  };
}

function common(raw: CognitoVariables) {
  return {
    userPoolId: raw.COGNITO_USER_POOL_ID,
    clientId: raw.COGNITO_CLIENT_ID,
    clientSecret: raw.COGNITO_CLIENT_SECRET,
    timeoutMs: raw.COGNITO_TIMEOUT_MS,
  };
}

/** Pure: the settings, or undefined with the reasons pushed onto `problems`. */
export function deriveCognito(raw: CognitoVariables, problems: string[]): CognitoSettings | undefined {
  return raw.COGNITO_MODE === "local" ? deriveLocal(raw, problems) : deriveAws(raw, problems);
}
