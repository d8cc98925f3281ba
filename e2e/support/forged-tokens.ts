/**
 * Hand-made JWTs for the Bearer API tests. cognito-local's signing key ships publicly inside the package,
 * which is exactly why the app trusts it only in local mode; here it lets us mint tokens that differ from a
 * genuine one in a single respect (expired, wrong algorithm, …) so each rejection is for that reason alone.
 */
import { createHmac, createPrivateKey, createPublicKey, sign } from "node:crypto";
import privateKeyFile from "cognito-local/lib/keys/cognitoLocal.private.json";

type Claims = Record<string, unknown>;
type Header = Record<string, unknown>;

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");

export function decodeClaims(token: string): Claims {
  const payload = token.split(".")[1];
  if (!payload) throw new Error("not a JWT");
  return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Claims;
}

/** RS256 with cognito-local's own key and kid: a token the stand-in could have issued. */
export function signWithStandInKey(claims: Claims): string {
  const key = createPrivateKey({ key: privateKeyFile.jwk, format: "jwk" });
  const signingInput = `${encode({ alg: "RS256", typ: "JWT", kid: "CognitoLocal" })}.${encode(claims)}`;
  return `${signingInput}.${sign("RSA-SHA256", Buffer.from(signingInput), key).toString("base64url")}`;
}

/** Same claims, `exp` (and `iat`) in the past. */
export function expiredCopy(genuine: string): string {
  const now = Math.floor(Date.now() / 1000);
  return signWithStandInKey({ ...decodeClaims(genuine), iat: now - 7200, auth_time: now - 7200, exp: now - 3600 });
}

/**
 * Change the signature's first character: header and claims untouched. Not the last one, whose low bits are
 * padding in base64url (a 256-byte signature), so changing it may decode to the very same signature.
 */
export function tamperedSignature(genuine: string): string {
  const [header, payload, signature = ""] = genuine.split(".");
  const first = signature.startsWith("A") ? "B" : "A";
  return `${header}.${payload}.${first}${signature.slice(1)}`;
}

/** Claims changed (groups escalated) while keeping the original signature. */
export function tamperedClaims(genuine: string): string {
  const [header, , signature] = genuine.split(".");
  return `${header}.${encode({ ...decodeClaims(genuine), "cognito:groups": ["admin"] })}.${signature}`;
}

/** The classic `alg: none` downgrade: no signature at all. */
export function unsignedCopy(genuine: string): string {
  return `${encode({ alg: "none", typ: "JWT" })}.${encode(decodeClaims(genuine))}.`;
}

/** Algorithm confusion: HS256 with the RSA *public* key (PEM) as the HMAC secret. */
export function hs256WithPublicKey(genuine: string): string {
  const publicPem = createPublicKey({ key: privateKeyFile.jwk, format: "jwk" }).export({ type: "spki", format: "pem" });
  const header: Header = { alg: "HS256", typ: "JWT", kid: "CognitoLocal" };
  const signingInput = `${encode(header)}.${encode(decodeClaims(genuine))}`;
  return `${signingInput}.${createHmac("sha256", publicPem).update(signingInput).digest("base64url")}`;
}
