// What the admin console's changes do to signing in: group changes seen at refresh, disabling, new passwords.
import {
  AdminAddUserToGroupCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  InitiateAuthCommand,
  type CognitoIdentityProviderClient,
} from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { secretHash } from "@/cognito/client-auth";
import { createCognitoClient } from "@/cognito/seed";
import { cognitoSessions, type TestUser } from "@/lib/testing/cognito-sessions";
import {
  basicAuth,
  jwtPayload,
  postForm,
  signIn,
  startSeeded,
  submitLogin,
  validAuthorizeParams,
  pkcePair,
  exchangeCode,
  type Harness,
  type TokenResponse,
} from "@/lib/testing/cognito-stand-in";

const PORT = 9445;
let h: Harness;
let cognito: CognitoIdentityProviderClient;
const { createUser, passwordSignIn, refresh, getUser } = cognitoSessions(() => ({ h, cognito }));

beforeAll(async () => {
  h = await startSeeded(PORT);
  cognito = createCognitoClient(h.url);
});
afterAll(async () => {
  cognito?.destroy();
  await h?.stop();
});

const ref = (user: TestUser) => ({ UserPoolId: h.userPoolId, Username: user.email });
const disabled = { name: "NotAuthorizedException", message: "User is disabled." };

async function hostedTokens(user: TestUser): Promise<TokenResponse> {
  const { code, verifier } = await signIn(h, user.email, user.password);
  return (await (await exchangeCode(h, code, verifier)).json()) as TokenResponse;
}

const hostedRefresh = (refreshToken: string) =>
  postForm(
    `${h.url}/oauth2/token`,
    { grant_type: "refresh_token", refresh_token: refreshToken },
    { authorization: basicAuth(h.clientId, h.clientSecret) },
  );

describe("a group change", () => {
  it("is in the access token minted by the next refresh (REFRESH_TOKEN_AUTH and /oauth2/token)", async () => {
    const user = await createUser();
    const session = await passwordSignIn(user);
    const hosted = await hostedTokens(user);
    expect(jwtPayload(session.accessToken)["cognito:groups"]).toBeUndefined();
    await cognito.send(new AdminAddUserToGroupCommand({ ...ref(user), GroupName: "admin" }));
    const refreshed = await refresh(session);
    expect(jwtPayload(refreshed.AuthenticationResult?.AccessToken ?? "")["cognito:groups"]).toEqual(["admin"]);
    const viaHostedUi = (await (await hostedRefresh(hosted.refresh_token ?? "")).json()) as TokenResponse;
    expect(jwtPayload(viaHostedUi.access_token)["cognito:groups"]).toEqual(["admin"]);
  });
});

describe("a disabled user", () => {
  it("cannot sign in or refresh by any route, and their access tokens stay revoked once enabled again", async () => {
    const user = await createUser();
    const session = await passwordSignIn(user);
    const hosted = await hostedTokens(user);
    // The stand-in revokes tokens of earlier seconds only (iat has no milliseconds).
    await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 10));
    await cognito.send(new AdminDisableUserCommand(ref(user)));
    expect(await cognito.send(new AdminGetUserCommand(ref(user)))).toMatchObject({ Enabled: false });
    await expect(passwordSignIn(user)).rejects.toMatchObject(disabled);
    await expect(refresh(session)).rejects.toMatchObject(disabled);
    await expect(getUser(session.accessToken)).rejects.toMatchObject({ name: "NotAuthorizedException" });
    const hostedResponse = await hostedRefresh(hosted.refresh_token ?? "");
    expect(hostedResponse.status).toBe(400);
    expect(await hostedResponse.json()).toMatchObject({ error: "invalid_grant" });
    const login = await submitLogin(h, validAuthorizeParams(h, pkcePair().challenge), user.email, user.password);
    expect(login.status).toBe(200);
    expect(await login.text()).toContain("User is disabled.");

    await cognito.send(new AdminEnableUserCommand(ref(user)));
    await expect(getUser(session.accessToken)).rejects.toMatchObject({ message: "Access Token has been revoked" });
    const again = await passwordSignIn(user);
    await expect(getUser(again.accessToken)).resolves.toMatchObject({ Username: expect.any(String) });
  });
});

describe("AdminSetUserPassword", () => {
  const setPassword = (user: TestUser, Password: string, Permanent: boolean) =>
    cognito.send(new AdminSetUserPasswordCommand({ ...ref(user), Password, Permanent }));

  it("enforces the pool's password policy and changes nothing when it refuses", async () => {
    const user = await createUser();
    for (const weak of ["alllowercase1!", "ALLUPPER1!", "NoNumbers!!", "NoSymbols123"]) {
      await expect(setPassword(user, weak, true)).rejects.toMatchObject({ name: "InvalidPasswordException" });
    }
    await expect(setPassword(user, "Ab1!", false)).rejects.toMatchObject({
      name: "InvalidPasswordException",
      message: "Password does not conform to policy: Password not long enough",
    });
    await expect(passwordSignIn(user)).resolves.toMatchObject({ accessToken: expect.any(String) });
  });

  it("Permanent:false asks for a new password at the next sign-in with exactly that password; true confirms", async () => {
    const user = await createUser();
    await setPassword(user, "Temp#Pass9", false);
    expect(await cognito.send(new AdminGetUserCommand(ref(user)))).toMatchObject({
      UserStatus: "FORCE_CHANGE_PASSWORD",
    });
    await expect(passwordSignIn(user)).rejects.toMatchObject({ name: "NotAuthorizedException" });
    const challenge = await cognito.send(
      new InitiateAuthCommand({
        AuthFlow: "USER_PASSWORD_AUTH",
        ClientId: h.clientId,
        AuthParameters: {
          USERNAME: user.email,
          PASSWORD: "Temp#Pass9",
          SECRET_HASH: secretHash(h.clientSecret, user.email, h.clientId),
        },
      }),
    );
    expect(challenge).toMatchObject({ ChallengeName: "NEW_PASSWORD_REQUIRED", Session: expect.any(String) });
    await setPassword(user, "Perm#Pass9", true);
    expect(await cognito.send(new AdminGetUserCommand(ref(user)))).toMatchObject({ UserStatus: "CONFIRMED" });
    await expect(passwordSignIn({ ...user, password: "Perm#Pass9" })).resolves.toMatchObject({
      accessToken: expect.any(String),
    });
  });
});
