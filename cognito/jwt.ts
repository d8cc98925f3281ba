import { createPublicKey, verify } from "node:crypto";
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

/** Checks signature (cognito-local's RS256 key), `exp` and issuer; returns the payload, or null when any check fails. */
export function verifyJwt(token: string, expectedIssuer: (iss: string) => boolean): JwtPayload | null {
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
  if (!signed) return null;
  const payload = decodeSegment(payloadPart);
  if (!payload || typeof payload.exp !== "number" || payload.exp * 1000 <= Date.now()) return null;
  if (typeof payload.iss !== "string" || !expectedIssuer(payload.iss)) return null;
  return payload;
}
