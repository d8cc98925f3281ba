import { z } from "zod";
import { CognitoError, InvalidParameterError, UserNotFoundError } from "cognito-local/lib/errors.js";
import type { UserPoolService } from "cognito-local/lib/services/userPoolService.js";
import { verifySignature, type JwtPayload } from "@/cognito/jwt";
import { issuerFor, type StandIn } from "@/cognito/stand-in";
import { isRevoked, type SignedOutUser } from "@/cognito/token-origin";

/** Cognito's own answers for an access token it will not honour. */
const INVALID = () => new CognitoError("NotAuthorizedException", "Invalid Access Token");
const EXPIRED = () => new CognitoError("NotAuthorizedException", "Access Token has expired");
const REVOKED = () => new CognitoError("NotAuthorizedException", "Access Token has been revoked");
// Cognito's self-service user APIs need this scope; the Hosted UI grants it only when the app asks for it.
const ADMIN_SCOPE = "aws.cognito.signin.user.admin";

const AccessTokenBody = z.looseObject({ AccessToken: z.string().min(1) });
const AdminBody = z.looseObject({ UserPoolId: z.string().min(1), Username: z.string().min(1) });

type TokenOwner = { pool: UserPoolService; user: SignedOutUser; payload: JwtPayload };

function parse<T>(schema: z.ZodType<T>, raw: unknown, fields: string): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new InvalidParameterError(`Missing required parameter ${fields}`);
  return parsed.data;
}

type VerifiedToken = { pool: UserPoolService; payload: JwtPayload };

async function verifiedPayload(standIn: StandIn, token: string): Promise<VerifiedToken> {
  const payload = verifySignature(token);
  const clientId = payload?.client_id;
  if (!payload || typeof clientId !== "string" || payload.token_use !== "access") throw INVALID();
  const { core } = standIn;
  const client = await core.services.cognito.getAppClient(core.ctx, clientId);
  if (!client) throw INVALID();
  const pool = await core.services.cognito.getUserPool(core.ctx, client.UserPoolId);
  if (payload.iss !== issuerFor(standIn, pool.options.Id)) throw INVALID();
  if (typeof payload.exp !== "number" || payload.exp * 1000 <= Date.now()) throw EXPIRED();
  return { pool, payload };
}

/**
 * What Cognito checks before it acts on an access token; cognito-local only decodes it, so a forged, expired or
 * revoked token would still read (and sign out) the user.
 */
async function ownerOfAccessToken(standIn: StandIn, token: string): Promise<TokenOwner> {
  const { pool, payload } = await verifiedPayload(standIn, token);
  const username = typeof payload.username === "string" ? payload.username : "";
  const user = (await pool.getUserByUsername(standIn.core.ctx, username)) as SignedOutUser | null;
  if (!user) throw new UserNotFoundError("User does not exist.");
  if (isRevoked(user, payload)) throw REVOKED();
  if (user.Enabled === false) throw new CognitoError("NotAuthorizedException", "User is disabled.");
  const scopes = typeof payload.scope === "string" ? payload.scope.split(" ") : [];
  if (!scopes.includes(ADMIN_SCOPE)) {
    throw new CognitoError("NotAuthorizedException", "Access Token does not have required scopes");
  }
  return { pool, user, payload };
}

/** Every refresh token of the user stops working, and every token issued before now is refused. */
async function signOutEverywhere(standIn: StandIn, pool: UserPoolService, user: SignedOutUser): Promise<void> {
  const signedOut: SignedOutUser = { ...user, RefreshTokens: [], GlobalSignOutAt: Date.now() };
  await pool.saveUser(standIn.core.ctx, signedOut);
}

async function getUser(standIn: StandIn, raw: unknown): Promise<unknown> {
  const body = parse(AccessTokenBody, raw, "AccessToken");
  await ownerOfAccessToken(standIn, body.AccessToken);
  return standIn.core.call("GetUser", body);
}

async function globalSignOut(standIn: StandIn, raw: unknown): Promise<unknown> {
  const body = parse(AccessTokenBody, raw, "AccessToken");
  const { pool, user } = await ownerOfAccessToken(standIn, body.AccessToken);
  await signOutEverywhere(standIn, pool, user);
  standIn.log(`[cognito-local] GlobalSignOut for ${user.Username}`);
  return {};
}

async function adminUserGlobalSignOut(standIn: StandIn, raw: unknown): Promise<unknown> {
  const body = parse(AdminBody, raw, "UserPoolId or Username");
  const { core } = standIn;
  const pool = await core.services.cognito.getUserPool(core.ctx, body.UserPoolId);
  const user = (await pool.getUserByUsername(core.ctx, body.Username)) as SignedOutUser | null;
  if (!user) throw new UserNotFoundError("User does not exist.");
  await signOutEverywhere(standIn, pool, user);
  return {};
}

/** Registered in API_TARGETS. */
export const SIGN_OUT_TARGETS = {
  GetUser: getUser,
  GlobalSignOut: globalSignOut,
  AdminUserGlobalSignOut: adminUserGlobalSignOut,
};
