import {
  GlobalSignOutCommand,
  InitiateAuthCommand,
  type CognitoIdentityProviderClient,
} from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { secretHash } from "@/cognito/client-auth";
import { createCognitoClient } from "@/cognito/seed";
import { startSeeded, type Harness } from "@/lib/testing/cognito-stand-in";
import { cognitoVerdict, forgetCognitoVerdicts } from "@/lib/auth/token/bearer-cognito-check";
import { CognitoUnavailableError } from "@/lib/auth/cognito-api";
import { globalSignOut } from "@/lib/auth/token/cognito-checks";
import type { CognitoSettings } from "@/lib/env";

/** Against the real stand-in: what BEARER_VERIFY_WITH_COGNITO asks, and how long an answer is trusted. */
const PORT = 9408;
let h: Harness;
let client: CognitoIdentityProviderClient;
let cognito: CognitoSettings;

beforeAll(async () => {
  h = await startSeeded(PORT);
  client = createCognitoClient(h.url);
  const issuer = `${h.url}/${h.userPoolId}`;
  cognito = {
    mode: "local",
    region: "local",
    userPoolId: h.userPoolId,
    clientId: h.clientId,
    clientSecret: h.clientSecret,
    issuer,
    jwksUri: `${issuer}/.well-known/jwks.json`,
    hostedUiUrl: h.url,
    apiEndpoint: h.url,
    timeoutMs: 2000,
  };
});
afterAll(async () => {
  client?.destroy();
  await h?.stop();
});
beforeEach(() => forgetCognitoVerdicts());

async function accessToken(email: string, password: string): Promise<{ token: string; exp: number }> {
  const { AuthenticationResult: result } = await client.send(
    new InitiateAuthCommand({
      AuthFlow: "USER_PASSWORD_AUTH",
      ClientId: h.clientId,
      AuthParameters: {
        USERNAME: email,
        PASSWORD: password,
        SECRET_HASH: secretHash(h.clientSecret, email, h.clientId),
      },
    }),
  );
  const token = result?.AccessToken ?? "";
  const exp = Number(JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString()).exp);
  return { token, exp };
}

describe("the opt-in Cognito check of Bearer tokens", () => {
  it("accepts a live token and refuses it once the user was signed out everywhere", async () => {
    const { token, exp } = await accessToken("bob@example.com", "Bob#Pass1");
    expect(await cognitoVerdict(cognito, token, { ttlMs: 0, expiresAt: exp })).toBe("accepted");
    expect(await globalSignOut(cognito, token)).toBe("accepted");
    expect(await cognitoVerdict(cognito, token, { ttlMs: 0, expiresAt: exp })).toBe("refused");
    expect(await globalSignOut(cognito, token)).toBe("refused");
  });

  it("trusts an answer for the configured time only, and never past the token's expiry", async () => {
    const { token, exp } = await accessToken("alice@example.com", "Alice#Pass1");
    const now = Date.now();
    expect(await cognitoVerdict(cognito, token, { ttlMs: 60_000, expiresAt: exp, now })).toBe("accepted");
    await client.send(new GlobalSignOutCommand({ AccessToken: token }));
    expect(await cognitoVerdict(cognito, token, { ttlMs: 60_000, expiresAt: exp, now: now + 59_000 })).toBe("accepted");
    expect(await cognitoVerdict(cognito, token, { ttlMs: 60_000, expiresAt: exp, now: now + 60_000 })).toBe("refused");
    const other = await accessToken("admin@example.com", "Admin#Pass1");
    await cognitoVerdict(cognito, other.token, { ttlMs: 60_000, expiresAt: Math.floor(now / 1000) + 1, now });
    await client.send(new GlobalSignOutCommand({ AccessToken: other.token }));
    expect(
      await cognitoVerdict(cognito, other.token, {
        ttlMs: 60_000,
        expiresAt: Math.floor(now / 1000) + 1,
        now: now + 1_500,
      }),
    ).toBe("refused");
  });

  it("says unavailable, not refused or accepted, when Cognito cannot be reached", async () => {
    const { token, exp } = await accessToken("nora@example.com", "Nora#Pass1");
    const down = { ...cognito, apiEndpoint: "http://127.0.0.1:9" };
    await expect(cognitoVerdict(down, token, { ttlMs: 0, expiresAt: exp })).rejects.toBeInstanceOf(
      CognitoUnavailableError,
    );
  });
});
