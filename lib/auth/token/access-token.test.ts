import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningStandIn, startStandIn } from "@/cognito/server";
import { createCognitoClient, seed, type SeedResult } from "@/cognito/seed";
import { computeSecretHash } from "@/lib/auth/cognito-api";
import {
  AccessTokenExpiredError,
  InvalidAccessTokenError,
  JwksUnavailableError,
  verifyAccessToken,
} from "@/lib/auth/token/access-token";
import type { CognitoSettings } from "@/lib/env";
import {
  decodeClaims,
  expiredCopy,
  hs256WithPublicKey,
  signWithStandInKey,
  tamperedClaims,
  tamperedSignature,
  unsignedCopy,
} from "@/e2e/support/forged-tokens";

// Integration: a real stand-in (cognito-local inside) mints the tokens; nothing is mocked.
let standIn: RunningStandIn;
let stateDir: string;
let pool: SeedResult;
let cognito: CognitoSettings;
let tokens: { access: string; id: string };

function settingsFor(url: string, userPoolId: string, clientId: string, clientSecret: string): CognitoSettings {
  const issuer = `${url}/${userPoolId}`;
  return {
    mode: "local",
    region: "local",
    userPoolId,
    clientId,
    clientSecret,
    issuer,
    jwksUri: `${issuer}/.well-known/jwks.json`,
    hostedUiUrl: url,
    apiEndpoint: url,
    timeoutMs: 5000,
  };
}

async function signIn(
  clientId: string,
  secret: string | undefined,
  email = "alice@example.com",
  password = "Alice#Pass1",
) {
  const client = createCognitoClient(standIn.url);
  const parameters: Record<string, string> = { USERNAME: email, PASSWORD: password };
  if (secret) parameters.SECRET_HASH = computeSecretHash(email, clientId, secret);
  const output = await client.send(
    new InitiateAuthCommand({ AuthFlow: "USER_PASSWORD_AUTH", ClientId: clientId, AuthParameters: parameters }),
  );
  client.destroy();
  return { access: output.AuthenticationResult!.AccessToken!, id: output.AuthenticationResult!.IdToken! };
}

async function expectRejected(token: string, settings = cognito) {
  await expect(verifyAccessToken(token, settings)).rejects.toBeInstanceOf(InvalidAccessTokenError);
}

beforeAll(async () => {
  stateDir = await mkdtemp(path.join(tmpdir(), "verifier-test-"));
  standIn = await startStandIn({ port: 0, stateDir });
  pool = await seed({ endpoint: standIn.url, stateDir });
  cognito = settingsFor(standIn.url, pool.userPoolId, pool.clientId, pool.clientSecret);
  tokens = await signIn(pool.clientId, pool.clientSecret);
});

afterAll(async () => {
  await standIn?.close();
  await rm(stateDir, { recursive: true, force: true });
});

describe("verifyAccessToken against the stand-in", () => {
  it("accepts a genuine access token and returns its claims", async () => {
    const claims = await verifyAccessToken(tokens.access, cognito);
    expect(claims.token_use).toBe("access");
    expect(claims.client_id).toBe(pool.clientId);
    expect(claims["cognito:groups"]).toEqual(["user"]);
    expect(claims.sub).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("rejects the ID token", () => expectRejected(tokens.id));
  it("rejects an expired token, saying it expired", async () => {
    await expect(verifyAccessToken(expiredCopy(tokens.access), cognito)).rejects.toBeInstanceOf(
      AccessTokenExpiredError,
    );
  });
  it("rejects a token without exp", () => {
    const claims = decodeClaims(tokens.access);
    delete claims.exp;
    return expectRejected(signWithStandInKey(claims));
  });
  it("rejects a tampered signature", () => expectRejected(tamperedSignature(tokens.access)));
  it("rejects claims changed under the original signature", () => expectRejected(tamperedClaims(tokens.access)));
  it("rejects alg: none", () => expectRejected(unsignedCopy(tokens.access)));
  it("rejects HS256 signed with the public key", () => expectRejected(hs256WithPublicKey(tokens.access)));
  it("rejects garbage", () => expectRejected("not-a-jwt"));

  it("rejects a token issued to another app client of the same pool", async () => {
    const client = createCognitoClient(standIn.url);
    const other = await client.send(
      new CreateUserPoolClientCommand({
        UserPoolId: pool.userPoolId,
        ClientName: "other",
        ExplicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH"],
      }),
    );
    client.destroy();
    await expectRejected((await signIn(other.UserPoolClient!.ClientId!, undefined)).access);
  });

  it("rejects a token from another user pool", async () => {
    const claims = decodeClaims(tokens.access);
    const client = createCognitoClient(standIn.url);
    const otherPool = await client.send(new CreateUserPoolCommand({ PoolName: "elsewhere" }));
    client.destroy();
    await expectRejected(signWithStandInKey({ ...claims, iss: `${standIn.url}/${otherPool.UserPool!.Id}` }));
  });

  it("answers 'unavailable', not 'invalid', when the keys cannot be fetched on a cold start", async () => {
    // A closed port on loopback: nothing listens on port 9 here.
    const unreachable = settingsFor("http://127.0.0.1:9", pool.userPoolId, pool.clientId, pool.clientSecret);
    const token = signWithStandInKey({ ...decodeClaims(tokens.access), iss: unreachable.issuer });
    await expect(verifyAccessToken(token, unreachable)).rejects.toBeInstanceOf(JwksUnavailableError);
  });
});
