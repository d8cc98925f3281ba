// The Hosted UI's pages: discovery, the authorize request's checks and the login form (the code exchange: hosted-code-flow.test.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CALLBACK,
  authorizeUrl,
  hiddenFields,
  pkcePair,
  postForm,
  startSeeded,
  submitLogin,
  validAuthorizeParams,
  type Harness,
} from "@/lib/testing/cognito-stand-in";

const PORT = 9401;
let h: Harness;

beforeAll(async () => {
  h = await startSeeded(PORT);
});
afterAll(async () => {
  await h?.stop();
});

describe("discovery", () => {
  it("describes every endpoint on the stand-in, with the token issuer", async () => {
    const response = await fetch(`${h.url}/${h.userPoolId}/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    const doc = (await response.json()) as Record<string, unknown>;
    const issuer = `http://127.0.0.1:${PORT}/${h.userPoolId}`;
    expect(doc).toMatchObject({
      issuer,
      authorization_endpoint: `${h.url}/oauth2/authorize`,
      token_endpoint: `${h.url}/oauth2/token`,
      userinfo_endpoint: `${h.url}/oauth2/userInfo`,
      revocation_endpoint: `${h.url}/oauth2/revoke`,
      end_session_endpoint: `${h.url}/logout`,
      jwks_uri: `${issuer}/.well-known/jwks.json`,
      response_types_supported: ["code"],
      subject_types_supported: ["public"],
      id_token_signing_alg_values_supported: ["RS256"],
      token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
      code_challenge_methods_supported: ["S256"],
    });
    expect(doc.scopes_supported).toEqual(expect.arrayContaining(["openid", "email", "profile"]));
    const jwks = (await (await fetch(String(doc.jwks_uri))).json()) as { keys: { kid: string }[] };
    expect(jwks.keys[0]?.kid).toBe("CognitoLocal");
  });

  it("answers 404 JSON for an unknown pool", async () => {
    const response = await fetch(`${h.url}/local_nope/.well-known/openid-configuration`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: "not_found" });
  });

  it("reports health", async () => {
    const response = await fetch(`${h.url}/health`);
    expect(await response.json()).toEqual({ status: "ok" });
  });
});

describe("authorize validation", () => {
  const { challenge } = pkcePair();

  it("shows an error page, never a redirect, for an unknown client_id", async () => {
    const response = await fetch(authorizeUrl(h, { ...validAuthorizeParams(h, challenge), client_id: "nope" }), {
      redirect: "manual",
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
    expect(await response.text()).toContain("client_id is missing or unknown");
  });

  it("shows an error page for an unregistered redirect_uri", async () => {
    const params = { ...validAuthorizeParams(h, challenge), redirect_uri: "https://evil.example/cb" };
    const response = await fetch(authorizeUrl(h, params), { redirect: "manual" });
    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
    expect(await response.text()).toContain("redirect_uri is not registered");
  });

  it.each([
    ["missing PKCE", { code_challenge: undefined, code_challenge_method: undefined }, "invalid_request"],
    ["plain PKCE", { code_challenge_method: "plain" }, "invalid_request"],
    ["missing state", { state: undefined }, "invalid_request"],
    ["token response_type", { response_type: "token" }, "unsupported_response_type"],
    ["unknown scope", { scope: "openid admin:all" }, "invalid_scope"],
  ])("redirects back with an OAuth error for %s", async (_name, override, error) => {
    const response = await fetch(authorizeUrl(h, { ...validAuthorizeParams(h, challenge), ...override }), {
      redirect: "manual",
    });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location") ?? "");
    expect(`${location.origin}${location.pathname}`).toBe(CALLBACK);
    expect(location.searchParams.get("error")).toBe(error);
    expect(location.searchParams.get("state")).toBe("state" in override ? null : "st-1");
  });

  it("renders a labelled login form that carries the request and escapes reflected values", async () => {
    const state = `"><script>alert(1)</script>`;
    const response = await fetch(authorizeUrl(h, validAuthorizeParams(h, challenge, state)));
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(/<h1>[^<]*Sign in/);
    expect(html).toContain('<label for="username">Email</label>');
    expect(html).toContain('<label for="password">Password</label>');
    expect(html).toContain('<button type="submit">Sign in</button>');
    expect(html).not.toContain("<script>");
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'none'");
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+';/);
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).toContain(`form-action 'self' ${new URL(CALLBACK).origin}`);
    expect(hiddenFields(html)).toMatchObject({
      client_id: h.clientId,
      redirect_uri: CALLBACK,
      state,
      code_challenge: challenge,
    });
  });
});

describe("login", () => {
  it("gives the same message for a wrong password and an unknown user", async () => {
    for (const [email, password] of [
      ["alice@example.com", "wrong#Pass1"],
      ["ghost@example.com", "Alice#Pass1"],
    ] as const) {
      const { challenge } = pkcePair();
      const response = await submitLogin(h, validAuthorizeParams(h, challenge), email, password);
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain("Incorrect username or password.");
      expect(html).toContain(`value="${email}"`);
    }
  });

  it("escapes the reflected email on a failed login", async () => {
    const { challenge } = pkcePair();
    const response = await submitLogin(h, validAuthorizeParams(h, challenge), `<img src=x>@example.com`, "x");
    const html = await response.text();
    expect(html).toContain("&lt;img src=x&gt;@example.com");
    expect(html).not.toContain("<img src=x>");
  });

  it("re-validates the hidden fields: a tampered redirect_uri gets an error page", async () => {
    const { challenge } = pkcePair();
    const fields = {
      ...validAuthorizeParams(h, challenge),
      redirect_uri: "https://evil.example/cb",
      username: "alice@example.com",
      password: "Alice#Pass1",
    };
    const response = await postForm(`${h.url}/login`, fields);
    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
  });
});
