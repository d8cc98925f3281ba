// The API shim's InitiateAuth fixes: password and refresh-token sign-in as Cognito answers them.
import {
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  InitiateAuthCommand,
  type CognitoIdentityProviderClient,
} from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { secretHash } from "@/cognito/client-auth";
import { createCognitoClient } from "@/cognito/seed";
import { jwtPayload, startSeeded, type Harness } from "@/lib/testing/cognito-stand-in";

const PORT = 9403;
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

describe("InitiateAuth USER_PASSWORD_AUTH", () => {
  it("answers a wrong password and an unknown user alike, as Cognito does", async () => {
    await expectError(
      passwordAuth("alice@example.com", "Wrong#Pass1"),
      "NotAuthorizedException",
      "Incorrect username or password.",
    );
    await expectError(
      passwordAuth("ghost@example.com", "Alice#Pass1"),
      "NotAuthorizedException",
      "Incorrect username or password.",
    );
  });

  it("rejects a missing or wrong SECRET_HASH for a client with a secret", async () => {
    const message = `Unable to verify secret hash for client ${h.clientId}`;
    await expectError(passwordAuth("alice@example.com", "Alice#Pass1", null), "NotAuthorizedException", message);
    await expectError(
      passwordAuth("alice@example.com", "Alice#Pass1", hash("bob@example.com")),
      "NotAuthorizedException",
      message,
    );
    await expectError(
      passwordAuth("alice@example.com", "Alice#Pass1", "bm90LWEtaGFzaA=="),
      "NotAuthorizedException",
      message,
    );
  });

  it("refuses a disabled user", async () => {
    const email = "disabled@example.com";
    await cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: h.userPoolId,
        Username: email,
        TemporaryPassword: "Temp#Pass1",
        MessageAction: "SUPPRESS",
      }),
    );
    await cognito.send(new AdminDisableUserCommand({ UserPoolId: h.userPoolId, Username: email }));
    await expectError(passwordAuth(email, "Temp#Pass1"), "NotAuthorizedException", "User is disabled.");
  });

  it("returns tokens with ExpiresIn, TokenType and the stand-in's issuer", async () => {
    const result = (await passwordAuth("admin@example.com", "Admin#Pass1")).AuthenticationResult;
    expect(result?.TokenType).toBe("Bearer");
    expect(result?.ExpiresIn).toBeGreaterThan(3500);
    expect(result?.ExpiresIn).toBeLessThanOrEqual(3600);
    const access = jwtPayload(result?.AccessToken ?? "");
    expect(access).toMatchObject({
      iss: `http://127.0.0.1:${PORT}/${h.userPoolId}`,
      token_use: "access",
      "cognito:groups": ["admin"],
    });
  });
});

describe("InitiateAuth REFRESH_TOKEN_AUTH", () => {
  it("requires SECRET_HASH (over the given USERNAME or the user's sub) and adds ExpiresIn", async () => {
    const first = (await passwordAuth("bob@example.com", "Bob#Pass1")).AuthenticationResult;
    const refreshToken = first?.RefreshToken ?? "";
    const sub = String(jwtPayload(first?.AccessToken ?? "").sub);
    const refresh = (params: Record<string, string>) =>
      cognito.send(
        new InitiateAuthCommand({
          AuthFlow: "REFRESH_TOKEN_AUTH",
          ClientId: h.clientId,
          AuthParameters: { REFRESH_TOKEN: refreshToken, ...params },
        }),
      );
    await expectError(refresh({}), "NotAuthorizedException", `Unable to verify secret hash for client ${h.clientId}`);
    await expectError(
      refresh({ SECRET_HASH: hash("alice@example.com") }),
      "NotAuthorizedException",
      `Unable to verify secret hash for client ${h.clientId}`,
    );
    const bySub = (await refresh({ SECRET_HASH: hash(sub) })).AuthenticationResult;
    expect(bySub?.ExpiresIn).toBeGreaterThan(3500);
    expect(bySub?.RefreshToken).toBeUndefined();
    const byEmail = (await refresh({ USERNAME: "bob@example.com", SECRET_HASH: hash("bob@example.com") }))
      .AuthenticationResult;
    expect(byEmail?.TokenType).toBe("Bearer");
    await expectError(
      cognito.send(
        new InitiateAuthCommand({
          AuthFlow: "REFRESH_TOKEN_AUTH",
          ClientId: h.clientId,
          AuthParameters: { REFRESH_TOKEN: "nope", SECRET_HASH: hash(sub) },
        }),
      ),
      "NotAuthorizedException",
      "Invalid Refresh Token",
    );
  });
});
