// What ties a token to its sign-in: origin_jti, and GetUser refusing forged tokens and those of a revoked refresh token.
import { RevokeTokenCommand, type CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resignJwt } from "@/cognito/jwt";
import { createCognitoClient } from "@/cognito/seed";
import {
  basicAuth,
  jwtPayload,
  exchangeCode,
  postForm,
  signIn,
  startSeeded,
  type Harness,
  type TokenResponse,
} from "@/lib/testing/cognito-stand-in";
import { cognitoSessions } from "@/lib/testing/cognito-sessions";

const PORT = 9413;
let h: Harness;
let cognito: CognitoIdentityProviderClient;

beforeAll(async () => {
  h = await startSeeded(PORT);
  cognito = createCognitoClient(h.url);
});
afterAll(async () => {
  cognito?.destroy();
  await h?.stop();
});

const { createUser, passwordSignIn, refresh, getUser } = cognitoSessions(() => ({ h, cognito }));
const origin = (token: string) => jwtPayload(token).origin_jti;

async function expectRefused(promise: Promise<unknown>, message: string): Promise<void> {
  await expect(promise).rejects.toMatchObject({ name: "NotAuthorizedException", message });
}

describe("origin_jti", () => {
  it("is new for each password sign-in, the same in the access and ID token, and kept across refreshes", async () => {
    const user = await createUser();
    const first = await passwordSignIn(user);
    const second = await passwordSignIn(user);
    expect(origin(first.accessToken)).toMatch(/^[0-9a-f-]{36}$/);
    expect(origin(first.idToken)).toBe(origin(first.accessToken));
    expect(origin(second.accessToken)).not.toBe(origin(first.accessToken));
    const refreshed = (await refresh(first)).AuthenticationResult;
    expect(jwtPayload(refreshed?.AccessToken ?? "").jti).not.toBe(jwtPayload(first.accessToken).jti);
    expect(origin(refreshed?.AccessToken ?? "")).toBe(origin(first.accessToken));
    expect(origin(refreshed?.IdToken ?? "")).toBe(origin(first.accessToken));
  });

  it("is new for each Hosted UI code and kept by the refresh_token grant", async () => {
    const user = await createUser();
    const codes = [await signIn(h, user.email, user.password), await signIn(h, user.email, user.password)];
    const [a, b] = await Promise.all(
      codes.map(async (c) => (await (await exchangeCode(h, c.code, c.verifier)).json()) as TokenResponse),
    );
    expect(origin(a?.access_token ?? "")).toEqual(expect.any(String));
    expect(origin(a?.access_token ?? "")).not.toBe(origin(b?.access_token ?? ""));
    const grant = { grant_type: "refresh_token", refresh_token: a?.refresh_token ?? "" };
    const response = await postForm(`${h.url}/oauth2/token`, grant, {
      authorization: basicAuth(h.clientId, h.clientSecret),
    });
    const refreshed = (await response.json()) as TokenResponse;
    expect(origin(refreshed.access_token)).toBe(origin(a?.access_token ?? ""));
    expect(origin(refreshed.id_token)).toBe(origin(a?.access_token ?? ""));
  });
});

describe("GetUser", () => {
  it("answers for a genuine token and refuses a forged or expired one", async () => {
    const user = await createUser();
    const session = await passwordSignIn(user);
    expect((await getUser(session.accessToken)).UserAttributes).toContainEqual({ Name: "email", Value: user.email });
    const [header, , signature] = session.accessToken.split(".");
    const claims = { ...jwtPayload(session.accessToken), username: "admin@example.com" };
    const forged = `${header}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.${signature}`;
    await expectRefused(getUser(forged), "Invalid Access Token");
    await expectRefused(
      getUser(resignJwt(session.accessToken, { exp: Math.floor(Date.now() / 1000) - 5 })),
      "Access Token has expired",
    );
    await expectRefused(getUser(resignJwt(session.accessToken, { token_use: "id" })), "Invalid Access Token");
    await expectRefused(
      getUser(resignJwt(session.accessToken, { iss: "http://127.0.0.1:1/other" })),
      "Invalid Access Token",
    );
  });

  it("refuses the access tokens of a revoked refresh token, and only those", async () => {
    const user = await createUser();
    const revoked = await passwordSignIn(user);
    const kept = await passwordSignIn(user);
    const refreshedBefore = (await refresh(revoked)).AuthenticationResult?.AccessToken ?? "";
    await cognito.send(
      new RevokeTokenCommand({ Token: revoked.refreshToken, ClientId: h.clientId, ClientSecret: h.clientSecret }),
    );
    await expectRefused(getUser(revoked.accessToken), "Access Token has been revoked");
    await expectRefused(getUser(refreshedBefore), "Access Token has been revoked");
    await expect(getUser(kept.accessToken)).resolves.toMatchObject({ Username: expect.any(String) });
  });
});
