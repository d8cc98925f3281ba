import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { seed, type SeedResult } from "@/cognito/seed";
import { startStandIn, type RunningStandIn } from "@/cognito/server";

/** Registered in seed.json. */
export const CALLBACK = "http://localhost:3100/api/auth/callback/cognito";
export const LOGOUT = "http://localhost:3100/sign-in?signedOut=1";

export type Harness = SeedResult & { running: RunningStandIn; url: string; stateDir: string; stop(): Promise<void> };

/** A real stand-in on `port` with a fresh temp state dir, seeded from seed.json. */
export async function startSeeded(port: number): Promise<Harness> {
  const stateDir = await mkdtemp(path.join(os.tmpdir(), "cognito-stand-in-"));
  const running = await startStandIn({ port, stateDir, log: () => undefined });
  const seeded = await seed({ endpoint: running.url, stateDir });
  const stop = async () => {
    await running.close();
    await rm(stateDir, { recursive: true, force: true });
  };
  return { ...seeded, running, url: running.url, stateDir, stop };
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(48).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

export function basicAuth(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString("base64")}`;
}

export function authorizeUrl(h: Harness, params: Record<string, string | undefined>): string {
  const url = new URL("/oauth2/authorize", h.url);
  for (const [key, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(key, value);
  return url.toString();
}

export function validAuthorizeParams(h: Harness, challenge: string, state = "st-1"): Record<string, string> {
  return {
    client_id: h.clientId,
    redirect_uri: CALLBACK,
    response_type: "code",
    scope: "openid email profile",
    state,
    code_challenge: challenge,
    code_challenge_method: "S256",
  };
}

/** `name="…" value="…"` pairs of the hidden inputs in a page, as a browser would submit them. */
export function hiddenFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) {
    const decode = (value: string) =>
      value
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&amp;/g, "&");
    fields[decode(match[1] ?? "")] = decode(match[2] ?? "");
  }
  return fields;
}

export function postForm(
  url: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(url, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

/** Opens the Hosted UI login page and submits it like a browser; returns the /login response (302 on success). */
export async function submitLogin(
  h: Harness,
  params: Record<string, string>,
  email: string,
  password: string,
  cookie?: string,
): Promise<Response> {
  const page = await fetch(authorizeUrl(h, params), { redirect: "manual", headers: cookie ? { cookie } : {} });
  if (page.status !== 200) throw new Error(`authorize page answered ${page.status}`);
  return postForm(`${h.url}/login`, { ...hiddenFields(await page.text()), username: email, password });
}

export function ssoCookieFrom(response: Response): string | undefined {
  return response.headers
    .getSetCookie()
    .find((cookie) => cookie.startsWith("cognito_local_sso_"))
    ?.split(";")[0];
}

/** Full browser sign-in with PKCE; returns the code, the verifier and the SSO cookie. */
export async function signIn(h: Harness, email: string, password: string, state = "st-1") {
  const { verifier, challenge } = pkcePair();
  const response = await submitLogin(h, validAuthorizeParams(h, challenge, state), email, password);
  const location = response.headers.get("location");
  if (response.status !== 302 || !location) throw new Error(`login answered ${response.status}`);
  const redirect = new URL(location);
  return { redirect, code: redirect.searchParams.get("code") ?? "", verifier, cookie: ssoCookieFrom(response) };
}

export type TokenResponse = {
  access_token: string;
  id_token: string;
  refresh_token?: string;
  token_type: string;
  expires_in: number;
};

export async function exchangeCode(
  h: Harness,
  code: string,
  verifier: string,
  auth: "basic" | "post" = "basic",
): Promise<Response> {
  const body = { grant_type: "authorization_code", code, redirect_uri: CALLBACK, code_verifier: verifier };
  if (auth === "post")
    return postForm(`${h.url}/oauth2/token`, { ...body, client_id: h.clientId, client_secret: h.clientSecret });
  return postForm(`${h.url}/oauth2/token`, body, { authorization: basicAuth(h.clientId, h.clientSecret) });
}

export function jwtPayload(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8")) as Record<string, unknown>;
}
