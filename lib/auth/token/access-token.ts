import "server-only";
import { CognitoJwtVerifier, JwtRsaVerifier } from "aws-jwt-verify";
import { validateCognitoJwtFields } from "aws-jwt-verify/cognito-verifier";
import { FetchError, JwksValidationError, JwtBaseError, JwtExpiredError } from "aws-jwt-verify/error";
import { SimpleJwksCache } from "aws-jwt-verify/jwk";
import type { JwtPayload } from "aws-jwt-verify/jwt-model";
import type { CognitoSettings } from "@/lib/env";
import { brandedError } from "@/lib/errors";

/** The verified claims of a Cognito access token. */
export type AccessTokenClaims = JwtPayload & {
  sub: string;
  exp: number;
  client_id: string;
  token_use: "access";
  username?: string;
  "cognito:groups"?: string[];
};

/** The token is not acceptable: the caller answers 401. */
export class InvalidAccessTokenError extends brandedError("InvalidAccessTokenError") {
  override name = "InvalidAccessTokenError";
}

/** Genuine but past its `exp`: a session can refresh it; a Bearer caller gets 401. */
export class AccessTokenExpiredError extends brandedError("AccessTokenExpiredError", InvalidAccessTokenError) {
  override name = "AccessTokenExpiredError";
}

/** The keys to check the token could not be fetched: the caller answers 503, not 401. */
export class JwksUnavailableError extends brandedError("JwksUnavailableError") {
  override name = "JwksUnavailableError";
}

type Verify = (token: string) => Promise<JwtPayload>;

const JWKS_TIMEOUT_MS = 3000;

/** aws-jwt-verify's own fetcher refuses http:, which the stand-in on loopback speaks. */
const loopbackFriendlyFetcher = {
  async fetch(uri: string): Promise<ArrayBuffer> {
    let response: Response;
    try {
      response = await fetch(uri, { signal: AbortSignal.timeout(JWKS_TIMEOUT_MS), cache: "no-store" });
    } catch (cause) {
      throw new JwksUnavailableError(`JWKS fetch failed: ${uri}`, { cause });
    }
    if (!response.ok) throw new JwksUnavailableError(`JWKS fetch answered ${response.status}: ${uri}`);
    return response.arrayBuffer();
  },
};

// aws-jwt-verify accepts a correctly signed token without `exp`; a session that never ends is not acceptable.
function requireExpiry({ payload }: { payload: JwtPayload }) {
  if (typeof payload.exp !== "number") throw new InvalidAccessTokenError("token has no exp claim");
}

function createVerify(cognito: CognitoSettings): Verify {
  if (cognito.mode === "aws") {
    const verifier = CognitoJwtVerifier.create({
      userPoolId: cognito.userPoolId,
      tokenUse: "access",
      clientId: cognito.clientId,
      customJwtCheck: requireExpiry,
    });
    return (token) => verifier.verify(token);
  }
  // CognitoJwtVerifier only accepts AWS pool ids and https issuers, so the stand-in gets the generic verifier
  // plus the Cognito-specific checks (token_use, client_id) that CognitoJwtVerifier would have made.
  const verifier = JwtRsaVerifier.create(
    {
      issuer: cognito.issuer,
      jwksUri: cognito.jwksUri,
      audience: null,
      customJwtCheck: ({ payload }) => {
        requireExpiry({ payload });
        validateCognitoJwtFields(payload, { tokenUse: "access", clientId: cognito.clientId });
      },
    },
    { jwksCache: new SimpleJwksCache({ fetcher: loopbackFriendlyFetcher }) },
  );
  return (token) => verifier.verify(token);
}

const verifiers = new Map<string, Verify>();

function verifierFor(cognito: CognitoSettings): Verify {
  const key = `${cognito.issuer}|${cognito.clientId}`;
  let verify = verifiers.get(key);
  if (!verify) {
    verify = createVerify(cognito);
    verifiers.set(key, verify);
  }
  return verify;
}

function isUnavailable(error: unknown): boolean {
  if (error instanceof JwksUnavailableError || error instanceof FetchError || error instanceof JwksValidationError)
    return true;
  return error instanceof Error && error.cause !== undefined && isUnavailable(error.cause);
}

/**
 * Verifies signature, algorithm, issuer, expiry, token_use=access and client_id of a Cognito access token.
 * Verifiers (and so their JWKS caches) are made once per process.
 */
export async function verifyAccessToken(token: string, cognito: CognitoSettings): Promise<AccessTokenClaims> {
  let payload: JwtPayload;
  try {
    payload = await verifierFor(cognito)(token);
  } catch (error) {
    if (isUnavailable(error))
      throw new JwksUnavailableError("the token signing keys could not be fetched", { cause: error });
    if (error instanceof JwtExpiredError) throw new AccessTokenExpiredError("token has expired", { cause: error });
    const reason =
      error instanceof JwtBaseError || error instanceof InvalidAccessTokenError ? error.message : "malformed token";
    throw new InvalidAccessTokenError(reason, { cause: error });
  }
  if (typeof payload.sub !== "string" || payload.sub.trim() === "")
    throw new InvalidAccessTokenError("token has no sub");
  return payload as AccessTokenClaims;
}
