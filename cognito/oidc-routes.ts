import type { IncomingMessage, ServerResponse } from "node:http";
import { attributesToRecord } from "cognito-local/lib/services/userPoolService.js";
import type { UserPoolService } from "cognito-local/lib/services/userPoolService.js";
import { parseCookies, redirect, sendHtml, sendJson } from "@/cognito/http-util";
import { verifyJwt } from "@/cognito/jwt";
import { errorPage } from "@/cognito/pages";
import { issuerFor, type StandIn } from "@/cognito/stand-in";

const DISCOVERY_PATH = /^\/([^/]+)\/\.well-known\/openid-configuration$/;

async function findPool(standIn: StandIn, poolId: string): Promise<UserPoolService | null> {
  try {
    return await standIn.core.services.cognito.getUserPool(standIn.core.ctx, poolId);
  } catch {
    return null;
  }
}

export function discoveryPoolId(pathname: string): string | null {
  return DISCOVERY_PATH.exec(pathname)?.[1] ?? null;
}

/** Cognito's discovery document, with every endpoint on the stand-in (cognito-local's own is pinned to port 9229). */
export async function getDiscovery(standIn: StandIn, res: ServerResponse, poolId: string): Promise<void> {
  if (!(await findPool(standIn, poolId)))
    return sendJson(res, 404, { error: "not_found", error_description: `User pool ${poolId} not found` });
  const base = standIn.baseUrl;
  const issuer = issuerFor(standIn, poolId);
  sendJson(res, 200, {
    issuer,
    authorization_endpoint: `${base}/oauth2/authorize`,
    token_endpoint: `${base}/oauth2/token`,
    userinfo_endpoint: `${base}/oauth2/userInfo`,
    revocation_endpoint: `${base}/oauth2/revoke`,
    end_session_endpoint: `${base}/logout`,
    jwks_uri: `${issuer}/.well-known/jwks.json`,
    response_types_supported: ["code"],
    subject_types_supported: ["public"],
    id_token_signing_alg_values_supported: ["RS256"],
    scopes_supported: ["openid", "email", "phone", "profile"],
    token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
    code_challenge_methods_supported: ["S256"],
    grant_types_supported: ["authorization_code", "refresh_token"],
  });
}

function invalidToken(res: ServerResponse, description: string): void {
  sendJson(
    res,
    401,
    { error: "invalid_token", error_description: description },
    {
      "www-authenticate": `Bearer error="invalid_token", error_description="${description}"`,
    },
  );
}

export async function getUserInfo(standIn: StandIn, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1];
  if (!token) return invalidToken(res, "Access token is missing");
  const prefix = `${standIn.baseUrl}/`;
  const payload = verifyJwt(token, (iss) => iss.startsWith(prefix));
  if (
    !payload ||
    payload.token_use !== "access" ||
    typeof payload.username !== "string" ||
    typeof payload.iss !== "string"
  ) {
    return invalidToken(res, "Access token is invalid or expired");
  }
  const pool = await findPool(standIn, payload.iss.slice(prefix.length));
  const user = pool ? await pool.getUserByUsername(standIn.core.ctx, payload.username) : null;
  if (!user || user.Enabled === false) return invalidToken(res, "Access token is invalid or expired");
  sendJson(res, 200, { ...attributesToRecord(user.Attributes), username: user.Username });
}

/** Ends the Hosted UI session; only redirects to a logout URL registered for the client. */
export async function getLogout(
  standIn: StandIn,
  req: IncomingMessage,
  res: ServerResponse,
  query: Record<string, string>,
): Promise<void> {
  const { core } = standIn;
  const client = query.client_id ? await core.services.cognito.getAppClient(core.ctx, query.client_id) : null;
  if (!client) return sendHtml(res, 400, errorPage("Invalid request", "The client_id is missing or unknown."));
  const logoutUri = query.logout_uri ?? "";
  if (!(client.LogoutURLs ?? []).includes(logoutUri)) {
    return sendHtml(res, 400, errorPage("Invalid request", "The logout_uri is not registered for this client."));
  }
  const sessionId = parseCookies(req).get(standIn.ssoCookie);
  if (sessionId) standIn.sso.delete(sessionId);
  redirect(res, logoutUri, { "set-cookie": `${standIn.ssoCookie}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0` });
}
