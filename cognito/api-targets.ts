import { z } from "zod";
import { CognitoError, InvalidParameterError } from "cognito-local/lib/errors.js";
import { attributeValue } from "cognito-local/lib/services/userPoolService.js";
import {
  adminPasswordAuth,
  answerNewPassword,
  passwordAuth,
  trackChallenge,
  verifyChallenge,
  withTokenExtras,
  type AuthResponse,
} from "@/cognito/auth-flows";
import { ADMIN_TARGETS } from "@/cognito/admin-targets";
import { checkSecretHash } from "@/cognito/client-auth";
import { DOMAIN_TARGETS } from "@/cognito/domain-targets";
import { POOL_TARGETS } from "@/cognito/pool-targets";
import {
  assertRefreshClient,
  refreshOfOtherClient,
  revokedByOtherClient,
  userDisabled,
} from "@/cognito/refresh-clients";
import { SIGN_OUT_TARGETS } from "@/cognito/sign-out-targets";
import type { StandIn } from "@/cognito/stand-in";

const StringMap = z.record(z.string(), z.string());
const InitiateAuthBody = z.looseObject({
  AuthFlow: z.string(),
  ClientId: z.string(),
  AuthParameters: StringMap.default({}),
});
const RevokeTokenBody = z.looseObject({ ClientId: z.string(), Token: z.string() });
const ChallengeBody = z.looseObject({
  ChallengeName: z.string(),
  ClientId: z.string(),
  Session: z.string().optional(),
  ChallengeResponses: z.object({ USERNAME: z.string(), SECRET_HASH: z.string().optional() }).catchall(z.string()),
});

const INVALID_REFRESH = () => new CognitoError("NotAuthorizedException", "Invalid Refresh Token");

/** Names a SECRET_HASH for this refresh may be computed over; an unknown token fails before the hash check. */
async function refreshUsernames(
  standIn: StandIn,
  clientId: string,
  params: Record<string, string>,
): Promise<(string | undefined)[]> {
  const { core } = standIn;
  if (!params.REFRESH_TOKEN) throw new InvalidParameterError("AuthParameters REFRESH_TOKEN is required");
  const pool = await core.services.cognito.getUserPoolForClientId(core.ctx, clientId);
  const user = await pool.getUserByRefreshToken(core.ctx, params.REFRESH_TOKEN);
  if (!user) throw INVALID_REFRESH();
  if (user.Enabled === false) throw userDisabled();
  await assertRefreshClient(standIn, clientId, params.REFRESH_TOKEN, refreshOfOtherClient);
  return [
    params.USERNAME,
    user.Username,
    attributeValue("sub", user.Attributes),
    attributeValue("email", user.Attributes),
  ];
}

async function initiateAuth(standIn: StandIn, raw: unknown): Promise<unknown> {
  const parsed = InitiateAuthBody.safeParse(raw);
  if (!parsed.success) return standIn.core.call("InitiateAuth", raw as object);
  const body = parsed.data;
  const params = body.AuthParameters;
  const client = await standIn.core.services.cognito.getAppClient(standIn.core.ctx, body.ClientId);
  if (!client) return standIn.core.call("InitiateAuth", body);
  if (body.AuthFlow === "USER_PASSWORD_AUTH") {
    const flows = client.ExplicitAuthFlows ?? [];
    if (
      flows.length > 0 &&
      !flows.some((flow) => flow === "ALLOW_USER_PASSWORD_AUTH" || flow === "USER_PASSWORD_AUTH")
    ) {
      throw new InvalidParameterError("USER_PASSWORD_AUTH flow not enabled for this client");
    }
    checkSecretHash(client, params.SECRET_HASH, [params.USERNAME]);
    if (!params.USERNAME || params.PASSWORD === undefined)
      throw new InvalidParameterError("Missing required parameter USERNAME or PASSWORD");
    return passwordAuth(standIn, {
      ...body,
      ClientId: body.ClientId,
      AuthParameters: { USERNAME: params.USERNAME, PASSWORD: params.PASSWORD },
    });
  }
  if (body.AuthFlow === "REFRESH_TOKEN_AUTH" || body.AuthFlow === "REFRESH_TOKEN") {
    checkSecretHash(client, params.SECRET_HASH, await refreshUsernames(standIn, body.ClientId, params));
    try {
      return withTokenExtras((await standIn.core.call("InitiateAuth", body)) as AuthResponse);
    } catch (error) {
      const unknownToken = error instanceof CognitoError && error.code === "NotAuthorizedException";
      throw unknownToken ? INVALID_REFRESH() : error;
    }
  }
  return standIn.core.call("InitiateAuth", body);
}

async function respondToAuthChallenge(standIn: StandIn, raw: unknown): Promise<unknown> {
  const parsed = ChallengeBody.safeParse(raw);
  if (!parsed.success) return standIn.core.call("RespondToAuthChallenge", raw as object);
  const body = parsed.data;
  const responses = body.ChallengeResponses;
  const client = await standIn.core.services.cognito.getAppClient(standIn.core.ctx, body.ClientId);
  if (!client) return standIn.core.call("RespondToAuthChallenge", body);
  checkSecretHash(client, responses.SECRET_HASH, [responses.USERNAME]);
  await verifyChallenge(standIn, body.ClientId, body.Session, responses.USERNAME);
  const session = body.Session ?? "";
  let response: AuthResponse;
  if (body.ChallengeName === "NEW_PASSWORD_REQUIRED") {
    const newPassword = responses.NEW_PASSWORD;
    if (!newPassword) throw new InvalidParameterError("Missing required parameter NEW_PASSWORD");
    response = await answerNewPassword(standIn, body.ClientId, responses.USERNAME, newPassword, session);
  } else {
    response = withTokenExtras((await standIn.core.call("RespondToAuthChallenge", body)) as AuthResponse);
  }
  // Answered: the session is spent (a failed answer above leaves it usable for another try).
  standIn.challenges.delete(session);
  return trackChallenge(standIn, body.ClientId, response);
}

/** Like InitiateAuth: cognito-local ignores SECRET_HASH here too, and skips the new-password challenge. */
async function adminInitiateAuth(standIn: StandIn, raw: unknown): Promise<unknown> {
  const parsed = InitiateAuthBody.safeParse(raw);
  if (!parsed.success) return standIn.core.call("AdminInitiateAuth", raw as object);
  const body = parsed.data;
  const params = body.AuthParameters;
  const client = await standIn.core.services.cognito.getAppClient(standIn.core.ctx, body.ClientId);
  if (!client) return standIn.core.call("AdminInitiateAuth", body);
  if (body.AuthFlow === "ADMIN_USER_PASSWORD_AUTH") {
    checkSecretHash(client, params.SECRET_HASH, [params.USERNAME]);
    if (!params.USERNAME || params.PASSWORD === undefined) {
      throw new InvalidParameterError("AuthParameters USERNAME and PASSWORD are required");
    }
    const credentials = { USERNAME: params.USERNAME, PASSWORD: params.PASSWORD };
    return adminPasswordAuth(standIn, { ...body, AuthParameters: credentials });
  }
  if (body.AuthFlow === "REFRESH_TOKEN_AUTH" || body.AuthFlow === "REFRESH_TOKEN") {
    checkSecretHash(client, params.SECRET_HASH, await refreshUsernames(standIn, body.ClientId, params));
    return withTokenExtras((await standIn.core.call("AdminInitiateAuth", body)) as AuthResponse);
  }
  return standIn.core.call("AdminInitiateAuth", body);
}

/** cognito-local revokes a refresh token whichever client asks; Cognito only for the client it was issued to. */
async function revokeToken(standIn: StandIn, raw: unknown): Promise<unknown> {
  const parsed = RevokeTokenBody.safeParse(raw);
  if (parsed.success) await assertRefreshClient(standIn, parsed.data.ClientId, parsed.data.Token, revokedByOtherClient);
  return standIn.core.call("RevokeToken", (parsed.success ? parsed.data : raw) as object);
}

/** The only API targets the stand-in changes; every other call reaches cognito-local untouched. */
export const API_TARGETS: Record<string, (standIn: StandIn, body: unknown) => Promise<unknown>> = {
  InitiateAuth: initiateAuth,
  RespondToAuthChallenge: respondToAuthChallenge,
  AdminInitiateAuth: adminInitiateAuth,
  // Answers the NEW_PASSWORD_REQUIRED challenge AdminInitiateAuth now sends (cognito-local has no such target).
  AdminRespondToAuthChallenge: respondToAuthChallenge,
  RevokeToken: revokeToken,
  ...SIGN_OUT_TARGETS,
  ...ADMIN_TARGETS,
  ...POOL_TARGETS,
  ...DOMAIN_TARGETS,
};
