// The API shim's NEW_PASSWORD_REQUIRED round trip, and what it leaves to cognito-local.
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  InitiateAuthCommand,
  ListUsersCommand,
  RespondToAuthChallengeCommand,
  UpdateUserPoolClientCommand,
  type CognitoIdentityProviderClient,
} from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { secretHash } from "@/cognito/client-auth";
import { createCognitoClient } from "@/cognito/seed";
import {
  exchangeCode,
  jwtPayload,
  signIn,
  startSeeded,
  type Harness,
  type TokenResponse,
} from "@/lib/testing/cognito-stand-in";

const PORT = 9417;
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

const hash = (username: string) => secretHash(h.clientSecret, username, h.clientId);

/** `secretHashValue: null` sends no SECRET_HASH at all. */
function passwordAuth(email: string, password: string, secretHashValue: string | null = hash(email)) {
  const params: Record<string, string> = { USERNAME: email, PASSWORD: password };
  if (secretHashValue !== null) params.SECRET_HASH = secretHashValue;
  return cognito.send(
    new InitiateAuthCommand({ AuthFlow: "USER_PASSWORD_AUTH", ClientId: h.clientId, AuthParameters: params }),
  );
}

async function expectError(promise: Promise<unknown>, name: string, message: string): Promise<void> {
  await expect(promise).rejects.toMatchObject({ name, message });
}

describe("NEW_PASSWORD_REQUIRED", () => {
  it("round-trips the challenge and issues a refresh token that works", async () => {
    const email = "api-newbie@example.com";
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
    const challenge = await passwordAuth(email, "Temp#Pass1");
    expect(challenge.ChallengeName).toBe("NEW_PASSWORD_REQUIRED");
    const username = challenge.ChallengeParameters?.USER_ID_FOR_SRP ?? "";
    const respond = (session: string | undefined, newPassword: string, secret = hash(username)) =>
      cognito.send(
        new RespondToAuthChallengeCommand({
          ClientId: h.clientId,
          ChallengeName: "NEW_PASSWORD_REQUIRED",
          Session: session,
          ChallengeResponses: { USERNAME: username, NEW_PASSWORD: newPassword, SECRET_HASH: secret },
        }),
      );
    await expectError(
      respond(challenge.Session, "Fresh#Pass1", "wrong"),
      "NotAuthorizedException",
      `Unable to verify secret hash for client ${h.clientId}`,
    );
    await expectError(
      respond("forged-session", "Fresh#Pass1"),
      "NotAuthorizedException",
      "Invalid session for the user.",
    );
    await expectError(
      respond(challenge.Session, "weak"),
      "InvalidPasswordException",
      "Password does not conform to policy: Password not long enough",
    );

    const answered = (await respond(challenge.Session, "Fresh#Pass1")).AuthenticationResult;
    expect(answered?.ExpiresIn).toBeGreaterThan(3500);
    expect(answered?.TokenType).toBe("Bearer");
    await expectError(
      respond(challenge.Session, "Other#Pass1"),
      "NotAuthorizedException",
      "Invalid session for the user.",
    );

    const refreshed = await cognito.send(
      new InitiateAuthCommand({
        AuthFlow: "REFRESH_TOKEN_AUTH",
        ClientId: h.clientId,
        AuthParameters: {
          REFRESH_TOKEN: answered?.RefreshToken ?? "",
          USERNAME: username,
          SECRET_HASH: hash(username),
        },
      }),
    );
    expect(refreshed.AuthenticationResult?.AccessToken).toBeTruthy();
    expect((await passwordAuth(email, "Fresh#Pass1")).AuthenticationResult?.AccessToken).toBeTruthy();
  });
});

describe("pass-through", () => {
  it("leaves other API calls to cognito-local", async () => {
    const users = await cognito.send(new ListUsersCommand({ UserPoolId: h.userPoolId }));
    expect(users.Users?.map((user) => user.Attributes?.find((a) => a.Name === "email")?.Value)).toEqual(
      expect.arrayContaining([
        "admin@example.com",
        "alice@example.com",
        "bob@example.com",
        "nora@example.com",
        "newbie@example.com",
      ]),
    );
    await expect(
      cognito.send(new AdminGetUserCommand({ UserPoolId: h.userPoolId, Username: "ghost@example.com" })),
    ).rejects.toMatchObject({
      name: "UserNotFoundException",
    });
  });

  it("honours UpdateUserPoolClient with access-token validity in seconds (API and Hosted UI)", async () => {
    await cognito.send(
      new UpdateUserPoolClientCommand({
        UserPoolId: h.userPoolId,
        ClientId: h.clientId,
        AccessTokenValidity: 30,
        TokenValidityUnits: { AccessToken: "seconds", IdToken: "minutes", RefreshToken: "days" },
      }),
    );
    try {
      const result = (await passwordAuth("nora@example.com", "Nora#Pass1")).AuthenticationResult;
      expect(result?.ExpiresIn).toBeGreaterThan(25);
      expect(result?.ExpiresIn).toBeLessThanOrEqual(30);
      const access = jwtPayload(result?.AccessToken ?? "");
      expect(Number(access.exp) - Number(access.iat)).toBe(30);
      const { code, verifier } = await signIn(h, "nora@example.com", "Nora#Pass1");
      const tokens = (await (await exchangeCode(h, code, verifier)).json()) as TokenResponse;
      expect(tokens.expires_in).toBeLessThanOrEqual(30);
    } finally {
      await cognito.send(
        new UpdateUserPoolClientCommand({
          UserPoolId: h.userPoolId,
          ClientId: h.clientId,
          AccessTokenValidity: 60,
          TokenValidityUnits: { AccessToken: "minutes", IdToken: "minutes", RefreshToken: "days" },
        }),
      );
    }
  });
});
