// The Hosted UI's token endpoints after sign-in: refresh, userInfo and revoke.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  basicAuth,
  exchangeCode,
  jwtPayload,
  postForm,
  signIn,
  startSeeded,
  type Harness,
  type TokenResponse,
} from "@/lib/testing/cognito-stand-in";

const PORT = 9412;
let h: Harness;

beforeAll(async () => {
  h = await startSeeded(PORT);
});
afterAll(async () => {
  await h?.stop();
});

async function tokensFor(email: string, password: string): Promise<TokenResponse> {
  const { code, verifier } = await signIn(h, email, password);
  const response = await exchangeCode(h, code, verifier);
  expect(response.status).toBe(200);
  return (await response.json()) as TokenResponse;
}

function refresh(refreshToken: string) {
  return postForm(
    `${h.url}/oauth2/token`,
    { grant_type: "refresh_token", refresh_token: refreshToken },
    { authorization: basicAuth(h.clientId, h.clientSecret) },
  );
}

describe("refresh, userInfo and revoke", () => {
  it("refreshes without returning a new refresh token", async () => {
    const tokens = await tokensFor("alice@example.com", "Alice#Pass1");
    const response = await refresh(tokens.refresh_token ?? "");
    expect(response.status).toBe(200);
    const refreshed = (await response.json()) as TokenResponse;
    expect(refreshed).toMatchObject({ token_type: "Bearer" });
    expect(refreshed.refresh_token).toBeUndefined();
    expect(refreshed.expires_in).toBeGreaterThan(3500);
    expect(jwtPayload(refreshed.access_token).sub).toBe(jwtPayload(tokens.access_token).sub);
  });

  it("requires client authentication for a refresh", async () => {
    const tokens = await tokensFor("alice@example.com", "Alice#Pass1");
    const response = await postForm(`${h.url}/oauth2/token`, {
      grant_type: "refresh_token",
      refresh_token: tokens.refresh_token ?? "",
      client_id: h.clientId,
    });
    expect(await response.json()).toMatchObject({ error: "invalid_client" });
  });

  it("returns the user's attributes for a valid access token and 401 otherwise", async () => {
    const tokens = await tokensFor("bob@example.com", "Bob#Pass1");
    const response = await fetch(`${h.url}/oauth2/userInfo`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(response.status).toBe(200);
    const info = (await response.json()) as Record<string, string>;
    expect(info).toMatchObject({
      email: "bob@example.com",
      email_verified: "true",
      sub: jwtPayload(tokens.access_token).sub,
    });
    expect(info.username).toBe(jwtPayload(tokens.access_token).username);

    const tampered = `${tokens.access_token.slice(0, -4)}AAAA`;
    for (const authorization of [`Bearer ${tampered}`, `Bearer ${tokens.id_token}`, ""]) {
      const bad = await fetch(`${h.url}/oauth2/userInfo`, { headers: authorization ? { authorization } : {} });
      expect(bad.status).toBe(401);
      expect(bad.headers.get("www-authenticate")).toContain("invalid_token");
    }
  });

  it("revokes a refresh token so that it can no longer refresh", async () => {
    const tokens = await tokensFor("bob@example.com", "Bob#Pass1");
    const wrongClient = await postForm(
      `${h.url}/oauth2/revoke`,
      { token: tokens.refresh_token ?? "" },
      { authorization: basicAuth(h.clientId, "wrong") },
    );
    expect(wrongClient.status).toBe(401);
    expect((await refresh(tokens.refresh_token ?? "")).status).toBe(200);
    const revoked = await postForm(
      `${h.url}/oauth2/revoke`,
      { token: tokens.refresh_token ?? "" },
      { authorization: basicAuth(h.clientId, h.clientSecret) },
    );
    expect(revoked.status).toBe(200);
    const after = await refresh(tokens.refresh_token ?? "");
    expect(after.status).toBe(400);
    expect(await after.json()).toMatchObject({ error: "invalid_grant" });
  });
});
