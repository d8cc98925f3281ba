import { decomposeUnverifiedJwt } from "aws-jwt-verify/jwt";

/**
 * Whether a token issued at `issuedAt` (its `iat`, whole seconds) predates `mark`, so its groups may be stale.
 * `iat`, not `auth_time`: Cognito keeps `auth_time` at the original sign-in across refreshes, so every refreshed
 * token would still look older than the mark. `iat` drops the milliseconds, so a token from the mark's own second
 * counts as older: at worst one refresh too many within that second, never a stale token let through.
 * A token without `iat` counts as older (fail closed).
 */
export function issuedBeforeMark(issuedAt: unknown, mark: Date | null | undefined): boolean {
  if (!mark) return false;
  if (typeof issuedAt !== "number" || !Number.isFinite(issuedAt)) return true;
  return issuedAt * 1000 < mark.getTime();
}

/**
 * The `iat` of an access token this app stored itself (verified when it was stored, and sealed since), read without
 * verifying it again: also when it has expired. Undefined for anything that is not a JWT.
 */
export function issuedAtOf(accessToken: string): number | undefined {
  try {
    const { iat } = decomposeUnverifiedJwt(accessToken).payload;
    return typeof iat === "number" ? iat : undefined;
  } catch {
    return undefined;
  }
}
