import type { IncomingMessage, ServerResponse } from "node:http";
import type { AuthenticationResultType } from "@aws-sdk/client-cognito-identity-provider";
import { CognitoError } from "cognito-local/lib/errors.js";
import type { AppClient } from "cognito-local/lib/services/appClient.js";
import type { UserPoolService } from "cognito-local/lib/services/userPoolService.js";
import { answerNewPassword, passwordAuth, withTokenExtras } from "@/cognito/auth-flows";
import { checkAuthorize, redirectWith, type AuthorizeCheck } from "@/cognito/authorize-request";
import { parseCookies, readForm, redirect, sendHtml } from "@/cognito/http-util";
import { decodeJwt } from "@/cognito/jwt";
import { errorPage, loginPage, newPasswordPage } from "@/cognito/pages";
import { recordRefreshClient } from "@/cognito/refresh-clients";
import { SSO_TTL_SECONDS, type AuthorizeRequest, type StandIn } from "@/cognito/stand-in";

type OkCheck = Extract<AuthorizeCheck, { kind: "ok" }>;

/** Answers a failed check; returns the valid request otherwise. */
function settle(res: ServerResponse, check: AuthorizeCheck): OkCheck | null {
  if (check.kind === "fatal") sendHtml(res, 400, errorPage("Invalid request", check.message));
  if (check.kind === "redirect") redirect(res, check.location);
  return check.kind === "ok" ? check : null;
}

/** Issues the single-use code, starts the SSO session and sends the browser back to the app. */
async function completeLogin(
  standIn: StandIn,
  res: ServerResponse,
  request: AuthorizeRequest,
  poolId: string,
  tokens: AuthenticationResultType,
): Promise<void> {
  await recordRefreshClient(standIn, request.clientId, tokens);
  const code = standIn.codes.create({
    clientId: request.clientId,
    redirectUri: request.redirectUri,
    codeChallenge: request.codeChallenge,
    tokens,
  });
  const username = decodeJwt(tokens.AccessToken ?? "")?.username;
  const cookie =
    typeof username === "string"
      ? `${standIn.ssoCookie}=${standIn.sso.create({ poolId, username })}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${SSO_TTL_SECONDS}`
      : `${standIn.ssoCookie}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
  redirect(res, redirectWith(request.redirectUri, { code, state: request.state }), { "set-cookie": cookie });
}

/** A still-valid SSO cookie signs the user in again without the form, as Cognito's Hosted UI does. */
async function tokensFromSso(
  standIn: StandIn,
  req: IncomingMessage,
  client: AppClient,
  pool: UserPoolService,
): Promise<AuthenticationResultType | null> {
  const sessionId = parseCookies(req).get(standIn.ssoCookie);
  const session = sessionId ? standIn.sso.get(sessionId) : undefined;
  if (!session || session.poolId !== pool.options.Id) return null;
  const { ctx, services } = standIn.core;
  const user = await pool.getUserByUsername(ctx, session.username);
  if (!user || user.Enabled === false || user.UserStatus !== "CONFIRMED") return null;
  const groups = await pool.listUserGroupMembership(ctx, user);
  const tokens = await services.tokenGenerator.generate(ctx, user, groups, client, undefined, "HostedAuth");
  await pool.storeRefreshToken(ctx, tokens.RefreshToken, user);
  return withTokenExtras({ AuthenticationResult: tokens }).AuthenticationResult ?? null;
}

export async function getAuthorize(
  standIn: StandIn,
  req: IncomingMessage,
  res: ServerResponse,
  query: Record<string, string>,
): Promise<void> {
  const check = settle(res, await checkAuthorize(standIn, query));
  if (!check) return;
  // OIDC `prompt`: "login" forces the form even with a session; "none" must not show it.
  const prompt = (query.prompt ?? "").split(" ");
  const tokens = prompt.includes("login") ? null : await tokensFromSso(standIn, req, check.client, check.pool);
  if (tokens) return completeLogin(standIn, res, check.request, check.pool.options.Id, tokens);
  if (prompt.includes("none"))
    return redirect(
      res,
      redirectWith(check.request.redirectUri, { error: "login_required", state: check.request.state }),
    );
  sendHtml(res, 200, loginPage(check.request), {}, [check.request.redirectUri]);
}

/** passwordAuth already gives wrong passwords and unknown users Cognito's single message. */
function loginError(error: unknown): string {
  if (!(error instanceof CognitoError)) throw error;
  return error.code === "PasswordResetRequiredException" ? "Password reset required for the user." : error.message;
}

export async function postLogin(standIn: StandIn, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const form = await readForm(req);
  const check = settle(res, await checkAuthorize(standIn, form));
  if (!check) return;
  const email = (form.username ?? "").trim();
  const password = form.password ?? "";
  if (!email || !password)
    return sendHtml(res, 200, loginPage(check.request, { email, error: "Enter your email and password." }), {}, [
      check.request.redirectUri,
    ]);
  let response;
  try {
    response = await passwordAuth(standIn, {
      ClientId: check.client.ClientId,
      AuthParameters: { USERNAME: email, PASSWORD: password },
    });
  } catch (error) {
    return sendHtml(res, 200, loginPage(check.request, { email, error: loginError(error) }), {}, [
      check.request.redirectUri,
    ]);
  }
  const username = response.ChallengeParameters?.USER_ID_FOR_SRP;
  if (response.ChallengeName === "NEW_PASSWORD_REQUIRED" && username && response.Session) {
    const pendingId = standIn.pendingPasswords.create({
      request: check.request,
      username,
      email,
      session: response.Session,
    });
    return sendHtml(res, 200, newPasswordPage(pendingId, email), {}, [check.request.redirectUri]);
  }
  if (!response.AuthenticationResult) {
    return sendHtml(
      res,
      200,
      loginPage(check.request, {
        email,
        error: `Sign-in step ${response.ChallengeName ?? "unknown"} is not supported here.`,
      }),
      {},
      [check.request.redirectUri],
    );
  }
  await completeLogin(standIn, res, check.request, check.pool.options.Id, response.AuthenticationResult);
}

export async function postNewPassword(standIn: StandIn, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const form = await readForm(req);
  const pendingId = form.pending ?? "";
  const pending = standIn.pendingPasswords.get(pendingId);
  if (!pending)
    return sendHtml(
      res,
      400,
      errorPage("Session expired", "Your sign-in session has expired. Go back to the app and sign in again."),
    );
  const newPassword = form.new_password ?? "";
  const retry = (error: string) =>
    sendHtml(res, 200, newPasswordPage(pendingId, pending.email, error), {}, [pending.request.redirectUri]);
  if (newPassword !== (form.confirm_password ?? "")) return retry("The passwords do not match.");
  let response;
  try {
    response = await answerNewPassword(
      standIn,
      pending.request.clientId,
      pending.username,
      newPassword,
      pending.session,
    );
  } catch (error) {
    if (error instanceof CognitoError) return retry(error.message);
    throw error;
  }
  standIn.pendingPasswords.delete(pendingId);
  standIn.challenges.delete(pending.session);
  const pool = await standIn.core.services.cognito.getUserPoolForClientId(standIn.core.ctx, pending.request.clientId);
  if (!response.AuthenticationResult) return sendHtml(res, 500, errorPage("Sign-in failed", "No tokens were issued."));
  await completeLogin(standIn, res, pending.request, pool.options.Id, response.AuthenticationResult);
}
