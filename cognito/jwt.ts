import { createPrivateKey, createPublicKey, sign, verify } from "node:crypto";
import privateJwk from "cognito-local/lib/keys/cognitoLocal.private.json";
import publicKey from "cognito-local/lib/keys/cognitoLocal.public.json";

export type JwtPayload = Record<string, unknown>;

const key = createPublicKey({ key: publicKey.jwk, format: "jwk" });

function decodeSegment(segment: string | undefined): JwtPayload | null {
  if (!segment) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, "base64url").toString("utf8"));
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as JwtPayload) : null;
  } catch {
    return null;
  }
}

/** Payload without verification: only for tokens cognito-local has just issued to us. */
export function decodeJwt(token: string): JwtPayload | null {
  return decodeSegment(token.split(".")[1]);
}

/** Seconds until the token's `exp`; cognito-local leaves ExpiresIn out of its responses. */
export function secondsUntilExpiry(token: string, nowMs = Date.now()): number {
  const exp = decodeJwt(token)?.exp;
  return typeof exp === "number" ? Math.max(0, exp - Math.floor(nowMs / 1000)) : 0;
}

/** Checks the signature (cognito-local's RS256 key) only; returns the payload, or null. */
export function verifySignature(token: string): JwtPayload | null {
  const [headerPart, payloadPart, signaturePart, ...rest] = token.split(".");
  if (!headerPart || !payloadPart || !signaturePart || rest.length > 0) return null;
  const header = decodeSegment(headerPart);
  if (header?.alg !== "RS256") return null;
  const signed = verify(
    "RSA-SHA256",
    Buffer.from(`${headerPart}.${payloadPart}`),
    key,
    Buffer.from(signaturePart, "base64url"),
  );
  return signed ? decodeSegment(payloadPart) : null;
}

/** Checks signature, `exp` and issuer; returns the payload, or null when any check fails. */
export function verifyJwt(token: string, expectedIssuer: (iss: string) => boolean): JwtPayload | null {
  const payload = verifySignature(token);
  if (!payload || typeof payload.exp !== "number" || payload.exp * 1000 <= Date.now()) return null;
  if (typeof payload.iss !== "string" || !expectedIssuer(payload.iss)) return null;
  return payload;
}

const privateKey = createPrivateKey({ key: privateJwk.jwk, format: "jwk" });

/** Re-signs a token the stand-in issued after changing its claims, with cognito-local's key and key id. */
export function resignJwt(token: string, changes: JwtPayload): string {
  const [headerPart, payloadPart] = token.split(".");
  const header = decodeSegment(headerPart);
  const payload = decodeSegment(payloadPart);
  if (!header || !payload) throw new Error("not a JWT");
  const encode = (value: JwtPayload) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const signingInput = `${encode(header)}.${encode({ ...payload, ...changes })}`;
  const signature = sign("RSA-SHA256", Buffer.from(signingInput), privateKey).toString("base64url");
  return `${signingInput}.${signature}`;
}
