import type { AppClient } from "cognito-local/lib/services/appClient.js";
import type { UserPoolService } from "cognito-local/lib/services/userPoolService.js";
import type { AuthorizeRequest, StandIn } from "@/cognito/stand-in";

export type AuthorizeCheck =
  /** Client or redirect_uri cannot be trusted: show an error page, never redirect. */
  | { kind: "fatal"; message: string }
  /** The redirect_uri is registered, so OAuth errors go back to it. */
  | { kind: "redirect"; location: string }
  | { kind: "ok"; request: AuthorizeRequest; client: AppClient; pool: UserPoolService };

/** A S256 challenge is base64url(SHA-256(verifier)): always 43 characters. */
const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

export function redirectWith(redirectUri: string, params: Record<string, string>): string {
  const url = new URL(redirectUri);
  for (const [key, value] of Object.entries(params)) if (value) url.searchParams.set(key, value);
  return url.toString();
}

function isUrl(value: string): boolean {
  return URL.canParse(value);
}

/** Requested scopes must all be allowed for the client; none requested means all of them, as Cognito does. */
function resolveScope(client: AppClient, requested: string | undefined): string | null {
  const allowed = client.AllowedOAuthScopes ?? [];
  const scopes = (requested ?? "").split(/[\s+]+/).filter(Boolean);
  if (scopes.length === 0) return allowed.join(" ");
  return scopes.every((scope) => allowed.includes(scope)) ? scopes.join(" ") : null;
}

function protocolError(params: Record<string, string>, client: AppClient): [string, string] | null {
  if (params.response_type === undefined) return ["invalid_request", "response_type is required"];
  if (params.response_type !== "code") return ["unsupported_response_type", "Only response_type=code is supported"];
  if (!(client.AllowedOAuthFlows ?? []).includes("code"))
    return ["unauthorized_client", "Client is not allowed the code flow"];
  if (!params.state) return ["invalid_request", "state is required"];
  if (!params.code_challenge) return ["invalid_request", "code_challenge is required (PKCE)"];
  if (params.code_challenge_method !== "S256") return ["invalid_request", "code_challenge_method must be S256"];
  if (!S256_CHALLENGE.test(params.code_challenge)) return ["invalid_request", "code_challenge is malformed"];
  if (resolveScope(client, params.scope) === null)
    return ["invalid_scope", "A requested scope is not allowed for this client"];
  return null;
}

/** Validates /oauth2/authorize parameters (from the query, or from the login form's hidden fields). */
export async function checkAuthorize(standIn: StandIn, params: Record<string, string>): Promise<AuthorizeCheck> {
  const { core } = standIn;
  const client = params.client_id ? await core.services.cognito.getAppClient(core.ctx, params.client_id) : null;
  if (!client) return { kind: "fatal", message: "The client_id is missing or unknown." };
  const redirectUri = params.redirect_uri ?? "";
  if (!(client.CallbackURLs ?? []).includes(redirectUri) || !isUrl(redirectUri)) {
    return { kind: "fatal", message: "The redirect_uri is not registered for this client." };
  }
  const failure = protocolError(params, client);
  if (failure) {
    const [error, description] = failure;
    return {
      kind: "redirect",
      location: redirectWith(redirectUri, { error, error_description: description, state: params.state ?? "" }),
    };
  }
  const pool = await core.services.cognito.getUserPoolForClientId(core.ctx, client.ClientId);
  const request: AuthorizeRequest = {
    clientId: client.ClientId,
    redirectUri,
    codeChallenge: params.code_challenge ?? "",
    scope: resolveScope(client, params.scope) ?? "",
    state: params.state ?? "",
  };
  return { kind: "ok", request, client, pool };
}
