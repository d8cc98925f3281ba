import {
  AdminSetUserPasswordCommand,
  type CognitoIdentityProviderClient,
} from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCognitoClient } from "@/cognito/seed";
import { demoUsers } from "@/cognito/seed-data";
import { listDemoAccounts } from "@/lib/auth/sign-in/demo-users";
import type { CognitoSettings } from "@/lib/env";
import { type Harness, startSeeded } from "@/lib/testing/cognito-stand-in";
import { type FakeServer, startSilentServer } from "@/lib/testing/fake-servers";

/** Against the real stand-in: the sign-in page's demo list, and what it says about newbie's temporary password. */
const PORT = 9409;
const NEWBIE = "newbie@example.com";
let h: Harness;
let client: CognitoIdentityProviderClient;

function settingsFor(url: string, userPoolId: string, mode: "local" | "aws" = "local"): CognitoSettings {
  const issuer = `${url}/${userPoolId}`;
  const jwksUri = `${issuer}/.well-known/jwks.json`;
  return {
    mode,
    region: "local",
    userPoolId,
    clientId: "c",
    clientSecret: "s",
    issuer,
    jwksUri,
    hostedUiUrl: url,
    apiEndpoint: url,
    timeoutMs: 300,
  };
}

beforeAll(async () => {
  h = await startSeeded(PORT);
  client = createCognitoClient(h.url);
});
afterAll(async () => {
  client?.destroy();
  await h?.stop();
});

describe("listDemoAccounts", () => {
  it("lists nothing, and asks nothing, against real Cognito", async () => {
    expect(await listDemoAccounts(settingsFor(h.url, h.userPoolId, "aws"))).toBeNull();
  });

  it("lists every seeded account with what it may do; newbie's temporary password still works", async () => {
    const accounts = await listDemoAccounts(settingsFor(h.url, h.userPoolId));
    expect(accounts?.map((account) => account.email)).toEqual(demoUsers.map((user) => user.email));
    expect(accounts?.find((account) => account.email === "admin@example.com")).toMatchObject({
      password: "Admin#Pass1",
      can: expect.stringMatching(/^Admin: /),
    });
    expect(accounts?.find((account) => account.email === "nora@example.com")?.can).toMatch(/no roles/);
    expect(accounts?.find((account) => account.email === NEWBIE)).toMatchObject({
      password: "Temp#Pass1",
      temporary: "still-temporary",
    });
  });

  it("says when newbie's temporary password was replaced, and no longer offers it", async () => {
    await client.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: h.userPoolId,
        Username: NEWBIE,
        Password: "Newer#Pass1",
        Permanent: true,
      }),
    );
    const accounts = await listDemoAccounts(settingsFor(h.url, h.userPoolId));
    expect(accounts?.find((account) => account.email === NEWBIE)).toMatchObject({
      password: undefined,
      temporary: "changed",
    });
  });

  describe("when the stand-in does not answer", () => {
    let blackHole: FakeServer;
    beforeAll(async () => {
      blackHole = await startSilentServer();
    });
    afterAll(() => blackHole.close());

    it("still lists the accounts, within the deadline, without claiming either way", async () => {
      const started = performance.now();
      const accounts = await listDemoAccounts(settingsFor(blackHole.url, h.userPoolId));
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(accounts).toHaveLength(demoUsers.length);
      expect(accounts?.find((account) => account.email === NEWBIE)?.temporary).toBe("unknown");
    });
  });
});
