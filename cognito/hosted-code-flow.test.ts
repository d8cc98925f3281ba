// The Hosted UI's authorization code flow with PKCE: the code, the token endpoint's client and PKCE checks.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CALLBACK,
  basicAuth,
  exchangeCode,
  jwtPayload,
  pkcePair,
  postForm,
  signIn,
  startSeeded,
  submitLogin,
  validAuthorizeParams,
  type Harness,
  type TokenResponse,
} from "@/lib/testing/cognito-stand-in";

const PORT = 9411;
let h: Harness;

beforeAll(async () => {
  h = await startSeeded(PORT);
});
afterAll(async () => {
  await h?.stop();
});

describe("code flow with PKCE", () => {
  it("signs in, redirects with code and state, and sets an HttpOnly SSO cookie", async () => {
    const { redirect, code } = await signIn(h, "alice@example.com", "Alice#Pass1", "state-xyz");
    expect(`${redirect.origin}${redirect.pathname}`).toBe(CALLBACK);
    expect(redirect.searchParams.get("state")).toBe("state-xyz");
    expect(code.length).toBeGreaterThan(20);
    const { challenge } = pkcePair();
    const response = await submitLogin(h, validAuthorizeParams(h, challenge), "alice@example.com", "Alice#Pass1");
    const setCookie = response.headers.getSetCookie().join("\n");
    expect(setCookie).toMatch(new RegExp(`cognito_local_sso_${PORT}=[^;]+; Path=/; HttpOnly; SameSite=Lax`));
  });

  it.each(["basic", "post"] as const)("exchanges the code with client_secret_%s", async (auth) => {
    const { code, verifier } = await signIn(h, "admin@example.com", "Admin#Pass1");
    const response = await exchangeCode(h, code, verifier, auth);
    expect(response.status).toBe(200);
    const tokens = (await response.json()) as TokenResponse;
    expect(tokens.token_type).toBe("Bearer");
    expect(tokens.refresh_token).toBeTruthy();
    expect(tokens.expires_in).toBeGreaterThan(3500);
    expect(tokens.expires_in).toBeLessThanOrEqual(3600);
    const id = jwtPayload(tokens.id_token);
    expect(id).toMatchObject({
      iss: `http://127.0.0.1:${PORT}/${h.userPoolId}`,
      aud: h.clientId,
      email: "admin@example.com",
      token_use: "id",
    });
    expect(jwtPayload(tokens.access_token)).toMatchObject({
      client_id: h.clientId,
      token_use: "access",
      "cognito:groups": ["admin"],
    });
  });

  it("rejects a wrong or missing client secret with invalid_client", async () => {
    const { code, verifier } = await signIn(h, "bob@example.com", "Bob#Pass1");
    const body = { grant_type: "authorization_code", code, redirect_uri: CALLBACK, code_verifier: verifier };
    const wrongBasic = await postForm(`${h.url}/oauth2/token`, body, {
      authorization: basicAuth(h.clientId, "not-the-secret"),
    });
    expect(wrongBasic.status).toBe(401);
    expect(await wrongBasic.json()).toMatchObject({ error: "invalid_client" });
    const wrongPost = await postForm(`${h.url}/oauth2/token`, {
      ...body,
      client_id: h.clientId,
      client_secret: `${h.clientSecret}x`,
    });
    expect(await wrongPost.json()).toMatchObject({ error: "invalid_client" });
    const missing = await postForm(`${h.url}/oauth2/token`, { ...body, client_id: h.clientId });
    expect(await missing.json()).toMatchObject({ error: "invalid_client" });
    // Failed client authentication must not burn the code.
    expect((await exchangeCode(h, code, verifier)).status).toBe(200);
  });

  it("rejects a wrong PKCE verifier, a reused code and a different redirect_uri with invalid_grant", async () => {
    const first = await signIn(h, "bob@example.com", "Bob#Pass1");
    const wrongVerifier = await exchangeCode(h, first.code, pkcePair().verifier);
    expect(wrongVerifier.status).toBe(400);
    expect(await wrongVerifier.json()).toMatchObject({ error: "invalid_grant" });

    const second = await signIn(h, "bob@example.com", "Bob#Pass1");
    expect((await exchangeCode(h, second.code, second.verifier)).status).toBe(200);
    const reused = await exchangeCode(h, second.code, second.verifier);
    expect(await reused.json()).toMatchObject({ error: "invalid_grant" });

    const third = await signIn(h, "bob@example.com", "Bob#Pass1");
    const body = {
      grant_type: "authorization_code",
      code: third.code,
      redirect_uri: "http://localhost:3000/api/auth/callback/cognito",
      code_verifier: third.verifier,
    };
    const otherRedirect = await postForm(`${h.url}/oauth2/token`, body, {
      authorization: basicAuth(h.clientId, h.clientSecret),
    });
    expect(await otherRedirect.json()).toMatchObject({ error: "invalid_grant" });
  });

  it("answers unsupported_grant_type and invalid_request", async () => {
    const auth = { authorization: basicAuth(h.clientId, h.clientSecret) };
    const password = await postForm(`${h.url}/oauth2/token`, { grant_type: "password" }, auth);
    expect(await password.json()).toMatchObject({ error: "unsupported_grant_type" });
    const noCode = await postForm(`${h.url}/oauth2/token`, { grant_type: "authorization_code" }, auth);
    expect(await noCode.json()).toMatchObject({ error: "invalid_request" });
  });
});
