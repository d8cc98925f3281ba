import { createHmac } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { CognitoError } from "cognito-local/lib/errors.js";
import type { AppClient } from "cognito-local/lib/services/appClient.js";
import { safeEqual } from "@/cognito/http-util";
import type { StandIn } from "@/cognito/stand-in";

/** SECRET_HASH as the Cognito API defines it: base64(HMAC-SHA256(clientSecret, username + clientId)). */
export function secretHash(clientSecret: string, username: string, clientId: string): string {
  return createHmac("sha256", clientSecret)
    .update(username + clientId)
    .digest("base64");
}

/**
 * cognito-local ignores SECRET_HASH; Cognito rejects a missing or wrong one for clients with a secret. Any of
 * `usernames` may have been hashed (Cognito accepts the sub as well as the username for refreshes).
 */
export function checkSecretHash(
  client: AppClient | null,
  given: string | undefined,
  usernames: (string | undefined)[],
): void {
  if (!client?.ClientSecret) return;
  const secret = client.ClientSecret;
  const matches =
    given !== undefined &&
    usernames.some((name) => name !== undefined && safeEqual(given, secretHash(secret, name, client.ClientId)));
  if (!matches)
    throw new CognitoError("NotAuthorizedException", `Unable to verify secret hash for client ${client.ClientId}`);
}

export type ClientAuthResult =
  | { ok: true; client: AppClient }
  | { ok: false; status: number; error: "invalid_client" | "invalid_request"; description: string };

function formDecode(value: string): string | null {
  try {
    return decodeURIComponent(value.replace(/\+/g, " "));
  } catch {
    return null;
  }
}

/** `Authorization: Basic base64(urlencode(id):urlencode(secret))`, per RFC 6749 section 2.3.1. */
function parseBasic(req: IncomingMessage): { id: string; secret: string } | null {
  const match = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? "");
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return null;
  const id = formDecode(decoded.slice(0, colon));
  const secret = formDecode(decoded.slice(colon + 1));
  return id === null || secret === null ? null : { id, secret };
}

const invalidClient = (description: string): ClientAuthResult => ({
  ok: false,
  status: 401,
  error: "invalid_client",
  description,
});

/** client_secret_basic or client_secret_post; a client without a secret (public, PKCE-only) needs just its id. */
export async function authenticateClient(
  standIn: StandIn,
  req: IncomingMessage,
  body: Record<string, string>,
): Promise<ClientAuthResult> {
  const basic = parseBasic(req);
  if (req.headers.authorization && !basic) return invalidClient("Malformed Authorization header");
  if (basic && body.client_secret !== undefined) {
    return { ok: false, status: 400, error: "invalid_request", description: "Use one client authentication method" };
  }
  const clientId = basic?.id ?? body.client_id;
  if (!clientId) return invalidClient("Missing client credentials");
  if (basic && body.client_id !== undefined && body.client_id !== basic.id) return invalidClient("client_id mismatch");
  const client = await standIn.core.services.cognito.getAppClient(standIn.core.ctx, clientId);
  if (!client) return invalidClient("Unknown client");
  if (!client.ClientSecret) return { ok: true, client };
  const given = basic?.secret ?? body.client_secret;
  if (given === undefined || !safeEqual(given, client.ClientSecret))
    return invalidClient("Client authentication failed");
  return { ok: true, client };
}
