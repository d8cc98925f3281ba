import {
  AdminCreateUserCommand,
  AdminInitiateAuthCommand,
  AdminRespondToAuthChallengeCommand,
  CreateUserPoolClientCommand,
  InitiateAuthCommand,
  RevokeTokenCommand,
  type CognitoIdentityProviderClient,
} from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { secretHash } from "@/cognito/client-auth";
import { createCognitoClient } from "@/cognito/seed";
import {
  basicAuth,
  exchangeCode,
  type Harness,
  pkcePair,
  postForm,
  signIn,
  startSeeded,
  submitLogin,
  type TokenResponse,
  validAuthorizeParams,
} from "@/lib/testing/cognito-stand-in";

/** The stand-in signs in as Cognito does: temporary passwords, SECRET_HASH on the admin flow, token ownership. */
const PORT = 9405;
const BAD_CREDENTIALS = "Incorrect username or password.";
let h: Harness;
let cognito: CognitoIdentityProviderClient;
let other: { clientId: string; clientSecret: string };

beforeAll(async () => {
  h = await startSeeded(PORT);
  cognito = createCognitoClient(h.url);
  const { UserPoolClient } = await cognito.send(
    new CreateUserPoolClientCommand({
      UserPoolId: h.userPoolId,
      ClientName: "other-app",
      GenerateSecret: true,
      ExplicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
    }),
  );
  other = { clientId: UserPoolClient?.ClientId ?? "", clientSecret: UserPoolClient?.ClientSecret ?? "" };
});
afterAll(async () => {
  cognito?.destroy();
  await h?.stop();
});

const hash = (username: string, client = { clientId: h.clientId, clientSecret: h.clientSecret }) =>
  secretHash(client.clientSecret, username, client.clientId);

let userCount = 0;
/** A user with the temporary password "Temp#Pass1" (FORCE_CHANGE_PASSWORD). */
async function temporaryUser(): Promise<string> {
  const email = `temp-${++userCount}@example.com`;
  await cognito.send(
    new AdminCreateUserCommand({
      UserPoolId: h.userPoolId,
      Username: email,
      TemporaryPassword: "Temp#Pass1",
      MessageAction: "SUPPRESS",
      UserAttributes: [
        { Name: "email", Value: email },
        { Name: "email_verified", Value: "true" },
      ],
    }),
  );
  return email;
}

function initiateAuth(email: string, password: string) {
  const params = { USERNAME: email, PASSWORD: password, SECRET_HASH: hash(email) };
  const request = { AuthFlow: "USER_PASSWORD_AUTH" as const, ClientId: h.clientId, AuthParameters: params };
  return cognito.send(new InitiateAuthCommand(request));
}

/** `secretHashValue: null` sends none. */
function adminInitiateAuth(email: string, password: string, secretHashValue: string | null = hash(email)) {
  const params: Record<string, string> = { USERNAME: email, PASSWORD: password };
  if (secretHashValue !== null) params.SECRET_HASH = secretHashValue;
  return cognito.send(
    new AdminInitiateAuthCommand({
      UserPoolId: h.userPoolId,
      ClientId: h.clientId,
      AuthFlow: "ADMIN_USER_PASSWORD_AUTH",
      AuthParameters: params,
    }),
  );
}

async function expectError(promise: Promise<unknown>, name: string, message: string): Promise<void> {
  await expect(promise).rejects.toMatchObject({ name, message });
}

describe("a wrong temporary password", () => {
  it("is refused by InitiateAuth before any challenge; the right one gets NEW_PASSWORD_REQUIRED", async () => {
    const email = await temporaryUser();
    await expectError(initiateAuth(email, "Wrong#Pass1"), "NotAuthorizedException", BAD_CREDENTIALS);
    expect((await initiateAuth(email, "Temp#Pass1")).ChallengeName).toBe("NEW_PASSWORD_REQUIRED");
  });

  it("is refused by AdminInitiateAuth; the right one gets the challenge, not tokens", async () => {
    const email = await temporaryUser();
    await expectError(adminInitiateAuth(email, "Wrong#Pass1"), "NotAuthorizedException", BAD_CREDENTIALS);
    const challenge = await adminInitiateAuth(email, "Temp#Pass1");
    expect(challenge.ChallengeName).toBe("NEW_PASSWORD_REQUIRED");
    expect(challenge.AuthenticationResult).toBeUndefined();
    const username = challenge.ChallengeParameters?.USER_ID_FOR_SRP ?? "";
    const answered = await cognito.send(
      new AdminRespondToAuthChallengeCommand({
        UserPoolId: h.userPoolId,
        ClientId: h.clientId,
        ChallengeName: "NEW_PASSWORD_REQUIRED",
        Session: challenge.Session,
        ChallengeResponses: { USERNAME: username, NEW_PASSWORD: "Fresh#Pass1", SECRET_HASH: hash(username) },
      }),
    );
    expect(answered.AuthenticationResult?.AccessToken).toBeTruthy();
    expect((await adminInitiateAuth(email, "Fresh#Pass1")).AuthenticationResult?.AccessToken).toBeTruthy();
  });

  it("is refused by the Hosted UI login page, which shows no new-password form", async () => {
    const email = await temporaryUser();
    const { challenge } = pkcePair();
    const wrong = await submitLogin(h, validAuthorizeParams(h, challenge), email, "Wrong#Pass1");
    const page = await wrong.text();
    expect(wrong.status).toBe(200);
    expect(page).toContain(BAD_CREDENTIALS);
    expect(page).not.toContain('name="pending"');
    const right = await submitLogin(h, validAuthorizeParams(h, challenge), email, "Temp#Pass1");
    expect(await right.text()).toContain('name="pending"');
  });
});

describe("AdminInitiateAuth SECRET_HASH", () => {
  it("is required and must be computed for this user and client", async () => {
    const message = `Unable to verify secret hash for client ${h.clientId}`;
    const asAlice = (secret: string | null) => adminInitiateAuth("alice@example.com", "Alice#Pass1", secret);
    await expectError(asAlice(null), "NotAuthorizedException", message);
    await expectError(asAlice(hash("bob@example.com")), "NotAuthorizedException", message);
    await expectError(asAlice(hash("alice@example.com", other)), "NotAuthorizedException", message);
    const result = (await adminInitiateAuth("alice@example.com", "Alice#Pass1")).AuthenticationResult;
    expect(result?.TokenType).toBe("Bearer");
    expect(result?.ExpiresIn).toBeGreaterThan(3500);
  });
});

describe("refresh tokens belong to the client they were issued to", () => {
  const refreshWith = (client: { clientId: string; clientSecret: string }, token: string, username: string) =>
    cognito.send(
      new InitiateAuthCommand({
        AuthFlow: "REFRESH_TOKEN_AUTH",
        ClientId: client.clientId,
        AuthParameters: { REFRESH_TOKEN: token, USERNAME: username, SECRET_HASH: hash(username, client) },
      }),
    );
  const mine = () => ({ clientId: h.clientId, clientSecret: h.clientSecret });

  it("RevokeToken refuses another client's token and leaves it working; its own client revokes it", async () => {
    const token = (await initiateAuth("bob@example.com", "Bob#Pass1")).AuthenticationResult?.RefreshToken ?? "";
    await expectError(
      cognito.send(
        new RevokeTokenCommand({ Token: token, ClientId: other.clientId, ClientSecret: other.clientSecret }),
      ),
      "UnauthorizedException",
      "Refresh Token has different Client",
    );
    expect((await refreshWith(mine(), token, "bob@example.com")).AuthenticationResult?.AccessToken).toBeTruthy();
    await cognito.send(new RevokeTokenCommand({ Token: token, ClientId: h.clientId, ClientSecret: h.clientSecret }));
    await expectError(refreshWith(mine(), token, "bob@example.com"), "NotAuthorizedException", "Invalid Refresh Token");
  });

  it("REFRESH_TOKEN_AUTH refuses another client's token", async () => {
    const token = (await initiateAuth("nora@example.com", "Nora#Pass1")).AuthenticationResult?.RefreshToken ?? "";
    const refused = refreshWith(other, token, "nora@example.com");
    await expectError(refused, "NotAuthorizedException", "Refresh Token has different Client");
  });

  it("/oauth2/revoke and /oauth2/token refuse a Hosted UI token for another client", async () => {
    const { code, verifier } = await signIn(h, "alice@example.com", "Alice#Pass1");
    const tokens = (await (await exchangeCode(h, code, verifier)).json()) as TokenResponse;
    const token = tokens.refresh_token ?? "";
    const asOther = { authorization: basicAuth(other.clientId, other.clientSecret) };
    const asMine = { authorization: basicAuth(h.clientId, h.clientSecret) };
    const refused = await postForm(`${h.url}/oauth2/revoke`, { token }, asOther);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: "unauthorized_client" });
    const refreshForm = { grant_type: "refresh_token", refresh_token: token };
    const refreshAsOther = await postForm(`${h.url}/oauth2/token`, refreshForm, asOther);
    expect(refreshAsOther.status).toBe(400);
    expect(await refreshAsOther.json()).toMatchObject({ error: "invalid_grant" });
    const refresh = () => postForm(`${h.url}/oauth2/token`, refreshForm, asMine);
    expect((await refresh()).status).toBe(200);
    expect((await postForm(`${h.url}/oauth2/revoke`, { token }, asMine)).status).toBe(200);
    expect((await refresh()).status).toBe(400);
  });
});
