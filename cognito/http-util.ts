import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { PAGE_STYLE_SOURCE } from "@/cognito/page-style";

export class BodyTooLargeError extends Error {}

export async function readBody(req: IncomingMessage, limitBytes = 1_000_000): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limitBytes) throw new BodyTooLargeError("request body too large");
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Form bodies as a plain record; a repeated field keeps its first value. */
export async function readForm(req: IncomingMessage): Promise<Record<string, string>> {
  return paramsToRecord(new URLSearchParams(await readBody(req, 64_000)));
}

export function paramsToRecord(params: URLSearchParams): Record<string, string> {
  const record: Record<string, string> = {};
  for (const [key, value] of params) if (!(key in record)) record[key] = value;
  return record;
}

export function isFormRequest(req: IncomingMessage): boolean {
  const type = req.headers["content-type"] ?? "";
  return type.split(";")[0]?.trim().toLowerCase() === "application/x-www-form-urlencoded";
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store", ...headers });
  res.end(JSON.stringify(body));
}

/**
 * `formTargets`: where a form on the page may end up. Browsers apply form-action to the redirect that follows a
 * form POST too, so a login form must also allow the origin of the (already validated) redirect_uri.
 */
export function sendHtml(
  res: ServerResponse,
  status: number,
  html: string,
  headers: Record<string, string | string[]> = {},
  formTargets: string[] = [],
): void {
  const formAction = ["'self'", ...formTargets.map((target) => new URL(target).origin)].join(" ");
  res.writeHead(status, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    "x-frame-options": "DENY",
    // No script at all (the pages need none) and only the pages' own stylesheet, by hash.
    "content-security-policy": `default-src 'none'; script-src 'none'; style-src ${PAGE_STYLE_SOURCE}; base-uri 'none'; form-action ${formAction}; frame-ancestors 'none'`,
    ...headers,
  });
  res.end(html);
}

export function redirect(res: ServerResponse, location: string, headers: Record<string, string | string[]> = {}): void {
  res.writeHead(302, { location, "cache-control": "no-store", ...headers });
  res.end();
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

export function parseCookies(req: IncomingMessage): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index > 0) cookies.set(part.slice(0, index).trim(), part.slice(index + 1).trim());
  }
  return cookies;
}

/** Compares secrets without leaking their length or content through timing (digests have equal length). */
export function safeEqual(a: string, b: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(a), digest(b));
}
