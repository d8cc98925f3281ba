import type { IncomingMessage, ServerResponse } from "node:http";
import { CognitoError, UnsupportedError } from "cognito-local/lib/errors.js";
import { API_TARGETS } from "@/cognito/api-targets";
import { readBody } from "@/cognito/http-util";
import { recordRefreshClient } from "@/cognito/refresh-clients";
import type { StandIn } from "@/cognito/stand-in";

export function interceptedTarget(req: IncomingMessage, pathname: string): string | null {
  const header = req.headers["x-amz-target"];
  if (req.method !== "POST" || pathname !== "/" || typeof header !== "string") return null;
  const target = header.split(".")[1] ?? "";
  return Object.hasOwn(API_TARGETS, target) ? target : null;
}

/** Same wire format as cognito-local's own handler: Dates as epoch seconds, errors as `{__type, message}`. */
function dateReplacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const original = this[key];
  return original instanceof Date ? Math.floor(original.getTime() / 1000) : value;
}

function sendApi(res: ServerResponse, status: number, body: unknown): void {
  // Same CORS answer as cognito-local gives for the targets it serves itself.
  res.writeHead(status, { "content-type": "application/x-amz-json-1.1", "access-control-allow-origin": "*" });
  res.end(JSON.stringify(body, dateReplacer));
}

/** Every refresh token the API hands out is bound to the client that asked for it (see refresh-clients.ts). */
async function recordIssuedRefreshToken(standIn: StandIn, body: unknown, result: unknown): Promise<void> {
  const clientId = (body as { ClientId?: unknown } | null)?.ClientId;
  const issued = (result as { AuthenticationResult?: { RefreshToken?: string } } | null)?.AuthenticationResult;
  if (typeof clientId === "string" && issued?.RefreshToken) await recordRefreshClient(standIn, clientId, issued);
}

export async function handleApi(
  standIn: StandIn,
  target: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  let body: unknown;
  try {
    body = JSON.parse((await readBody(req)) || "{}");
  } catch {
    return sendApi(res, 400, { __type: "SerializationException", message: "Request body is not valid JSON" });
  }
  const handler = API_TARGETS[target];
  if (!handler) return sendApi(res, 400, { __type: "UnknownOperationException", message: target });
  try {
    const result = await handler(standIn, body);
    await recordIssuedRefreshToken(standIn, body, result);
    sendApi(res, 200, result);
  } catch (error) {
    if (error instanceof CognitoError) return sendApi(res, 400, { __type: error.code, message: error.message });
    if (error instanceof UnsupportedError) {
      return sendApi(res, 500, {
        __type: "CognitoLocal#Unsupported",
        message: `Cognito Local unsupported feature: ${error.message}`,
      });
    }
    standIn.log(`[cognito-local] ${target} failed: ${error instanceof Error ? error.message : "unknown error"}`);
    sendApi(res, 500, { __type: "InternalErrorException", message: "Internal error" });
  }
}
