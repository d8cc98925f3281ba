import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeServer, startHttpServer } from "@/lib/testing/fake-servers";
import type { CognitoSettings } from "@/lib/env";
import { signInWithPassword } from "@/lib/auth/cognito-api";

/**
 * Cognito's temporary lockout cannot be produced by the stand-in, so a loopback server answers with the exact
 * wire format Cognito uses (`__type` + `message`, HTTP 400) to prove how each answer is read.
 */
let server: FakeServer;
let nextAnswer = { __type: "NotAuthorizedException", message: "Password attempts exceeded" };

beforeAll(async () => {
  server = await startHttpServer((_req, res) => {
    res.writeHead(400, { "content-type": "application/x-amz-json-1.1" });
    res.end(JSON.stringify(nextAnswer));
  });
});
afterAll(async () => {
  await server?.close();
});

function settings(): CognitoSettings {
  const issuer = `${server.url}/local_Test1`;
  return {
    mode: "local",
    region: "local",
    userPoolId: "local_Test1",
    clientId: "client",
    clientSecret: "secret",
    issuer,
    jwksUri: `${issuer}/.well-known/jwks.json`,
    hostedUiUrl: server.url,
    apiEndpoint: server.url,
    timeoutMs: 2000,
  };
}

describe("signInWithPassword reads Cognito's refusals", () => {
  it("tells Cognito's lockout apart from a wrong password", async () => {
    nextAnswer = { __type: "NotAuthorizedException", message: "Password attempts exceeded" };
    const result = await signInWithPassword(settings(), "alice@example.com", "Wrong#Pass1");
    expect(result).toEqual({ status: "locked-out" });
  });

  it("answers a wrong password and an unknown user alike", async () => {
    nextAnswer = { __type: "NotAuthorizedException", message: "Incorrect username or password." };
    const wrong = await signInWithPassword(settings(), "alice@example.com", "Wrong#Pass1");
    nextAnswer = { __type: "UserNotFoundException", message: "User does not exist." };
    const unknown = await signInWithPassword(settings(), "ghost@example.com", "Wrong#Pass1");
    expect([wrong, unknown]).toEqual([{ status: "invalid-credentials" }, { status: "invalid-credentials" }]);
  });
});
