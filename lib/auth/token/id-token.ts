import "server-only";

/**
 * The email in an ID token the server just received from Cognito's own answer to InitiateAuth or
 * RespondToAuthChallenge (over TLS, never from the browser): as OpenID Connect allows for tokens from direct
 * communication with the issuer, its signature is not checked again, but it must be an ID token for the same `sub`
 * as the access token that was verified. Anything else yields undefined: the directory then simply keeps what it had.
 */
export function emailFromIdToken(idToken: string | undefined, sub: string): string | undefined {
  const payload = idToken?.split(".")[1];
  if (!payload) return undefined;
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
  if (typeof claims !== "object" || claims === null) return undefined;
  const { token_use: tokenUse, sub: idSub, email } = claims as Record<string, unknown>;
  if (tokenUse !== "id" || idSub !== sub || typeof email !== "string" || email.trim() === "") return undefined;
  return email;
}
