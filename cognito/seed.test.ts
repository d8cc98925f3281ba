import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import {
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  DescribeUserPoolClientCommand,
  ListGroupsCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  ListUsersCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCognitoClient, demoUsers, seed } from "@/cognito/seed";
import { startSeeded, type Harness } from "@/lib/testing/cognito-stand-in";

const PORT = 9404;

describe("seed", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startSeeded(PORT);
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("exports the demo users of seed.json", () => {
    expect(demoUsers.map((user) => [user.email, user.group])).toEqual([
      ["admin@example.com", "admin"],
      ["alice@example.com", "user"],
      ["bob@example.com", "user"],
      ["nora@example.com", null],
      ["newbie@example.com", null],
    ]);
    expect(demoUsers.find((user) => user.email === "newbie@example.com")).toMatchObject({
      temporary: true,
      password: "Temp#Pass1",
    });
  });

  it("is idempotent: a second run finds everything and creates nothing", async () => {
    const created: string[] = [];
    const again = await seed({ endpoint: h.url, stateDir: h.stateDir, log: (line) => created.push(line) });
    expect(created).toEqual([]);
    expect(again).toMatchObject({ userPoolId: h.userPoolId, clientId: h.clientId, clientSecret: h.clientSecret });
    const cognito = createCognitoClient(h.url);
    try {
      const pools = await cognito.send(new ListUserPoolsCommand({ MaxResults: 60 }));
      expect(pools.UserPools?.filter((pool) => pool.Name === "contacts-demo")).toHaveLength(1);
      const clients = await cognito.send(new ListUserPoolClientsCommand({ UserPoolId: h.userPoolId, MaxResults: 60 }));
      expect(clients.UserPoolClients).toHaveLength(1);
      const groups = await cognito.send(new ListGroupsCommand({ UserPoolId: h.userPoolId }));
      expect(groups.Groups?.map((group) => group.GroupName).sort()).toEqual(["admin", "user"]);
      const users = await cognito.send(new ListUsersCommand({ UserPoolId: h.userPoolId }));
      expect(users.Users).toHaveLength(5);
    } finally {
      cognito.destroy();
    }
  });

  it("creates users with verified emails, their groups and the right password state", async () => {
    const cognito = createCognitoClient(h.url);
    try {
      for (const user of demoUsers) {
        const ids = { UserPoolId: h.userPoolId, Username: user.email };
        const found = await cognito.send(new AdminGetUserCommand(ids));
        expect(found.UserStatus).toBe(user.temporary ? "FORCE_CHANGE_PASSWORD" : "CONFIRMED");
        expect(found.UserAttributes).toEqual(
          expect.arrayContaining([
            { Name: "email_verified", Value: "true" },
            { Name: "email", Value: user.email },
          ]),
        );
        const groups = await cognito.send(new AdminListGroupsForUserCommand(ids));
        expect(groups.Groups?.map((group) => group.GroupName)).toEqual(user.group ? [user.group] : []);
      }
    } finally {
      cognito.destroy();
    }
  });

  it("configures the app client for the code flow on ports 3000 and 3100", async () => {
    const cognito = createCognitoClient(h.url);
    try {
      const { UserPoolClient: client } = await cognito.send(
        new DescribeUserPoolClientCommand({ UserPoolId: h.userPoolId, ClientId: h.clientId }),
      );
      expect(client).toMatchObject({
        ClientName: "contacts-web",
        ClientSecret: h.clientSecret,
        AllowedOAuthFlows: ["code"],
        AllowedOAuthScopes: ["openid", "email", "profile", "aws.cognito.signin.user.admin"],
        AccessTokenValidity: 60,
        IdTokenValidity: 60,
        RefreshTokenValidity: 30,
        TokenValidityUnits: { AccessToken: "minutes", IdToken: "minutes", RefreshToken: "days" },
      });
      expect(client?.ExplicitAuthFlows).toEqual(
        expect.arrayContaining(["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]),
      );
      expect(client?.CallbackURLs).toEqual([
        "http://localhost:3000/api/auth/callback/cognito",
        "http://localhost:3100/api/auth/callback/cognito",
      ]);
      expect(client?.LogoutURLs).toEqual([
        "http://localhost:3000/sign-in?signedOut=1",
        "http://localhost:3100/sign-in?signedOut=1",
      ]);
    } finally {
      cognito.destroy();
    }
  });

  it("writes local.env with the ids, the secret and the stand-in URL, readable by the owner only", async () => {
    const text = await readFile(h.envFile, "utf8");
    expect(h.envFile).toBe(path.join(h.stateDir, "local.env"));
    expect(text).toMatch(/^# /);
    expect(text).toContain(`COGNITO_USER_POOL_ID=${h.userPoolId}\n`);
    expect(text).toContain(`COGNITO_CLIENT_ID=${h.clientId}\n`);
    expect(text).toContain(`COGNITO_CLIENT_SECRET=${h.clientSecret}\n`);
    expect(text).toContain(`COGNITO_LOCAL_URL=http://127.0.0.1:${PORT}\n`);
    expect((await stat(h.envFile)).mode & 0o777).toBe(0o600);
  });
});
