import "server-only";
import { resolveAccessToken, type UserResolution } from "@/lib/auth/current-user";

/** Real Cognito access tokens are about 1 KB; anything far larger is not one. */
const MAX_TOKEN_LENGTH = 8192;

export type BearerResolution = UserResolution | { status: "missing" };

/** The identity behind `Authorization: Bearer <Cognito access token>`, verified exactly like a session's token. */
export async function authenticateBearer(request: Request): Promise<BearerResolution> {
  const header = request.headers.get("authorization");
  if (!header) return { status: "missing" };
  const match = /^Bearer ([A-Za-z0-9\-_=.]+)$/i.exec(header.trim());
  if (!match?.[1] || match[1].length > MAX_TOKEN_LENGTH) return { status: "signed-out" };
  return resolveAccessToken(match[1], undefined, "bearer");
}
