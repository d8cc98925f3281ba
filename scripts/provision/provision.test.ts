// The provisioning CLI against a fresh stand-in: dry run, create, idempotence, updates.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import {
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  DescribeUserPoolDomainCommand,
  ListGroupsCommand,
  ListUserPoolsCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  envValues,
  isWrite,
  planActions,
  runCli,
  startFreshStandIn,
  type FreshStandIn,
} from "@/scripts/provision/testing";

const PORT = 9439;
const execFileAsync = promisify(execFile);
let s: FreshStandIn;

beforeAll(async () => {
  s = await startFreshStandIn(PORT);
});
afterAll(async () => {
  await s?.stop();
});

const baseArgs = () => [
  "--endpoint",
  s.running.url,
  "--pool-name",
  "contacts-prod",
  "--domain-prefix",
  "contacts-prod-auth",
  "--app-url",
  "https://contacts.example.com",
];

const EVERY_RESOURCE = [
  "user pool contacts-prod",
  "group admin",
  "group user",
  "app client contacts-web",
  "domain contacts-prod-auth",
];

describe("cognito:provision", () => {
  it("dry run on a fresh account: plans to create everything and creates nothing", async () => {
    const before = s.calls.length;
    const run = await runCli([...baseArgs(), "--dry-run"]);
    expect(run.code).toBe(0);
    expect(planActions(run.out)).toEqual(EVERY_RESOURCE.map((r) => `create ${r}`));
    expect(run.out).toContain("Dry run: nothing was changed.");
    expect(s.calls.slice(before).filter(isWrite)).toEqual([]);
    expect((await s.cognito.send(new ListUserPoolsCommand({ MaxResults: 60 }))).UserPools).toEqual([]);
  });

  it("creates the pool, groups, client and domain as the app needs them, the secret shown once", async () => {
    const run = await runCli(baseArgs());
    expect(run.code).toBe(0);
    expect(planActions(run.out)).toEqual(EVERY_RESOURCE.map((r) => `create ${r}`));
    const env = envValues(run.out);
    expect(env).toMatchObject({ COGNITO_MODE: "local", COGNITO_LOCAL_URL: s.running.url });
    expect(env.NEXTAUTH_URL).toBe("https://contacts.example.com");
    const secret = env.COGNITO_CLIENT_SECRET ?? "";
    expect(secret.length).toBeGreaterThan(8);
    expect(run.text.split(secret)).toHaveLength(2);

    const ids = { UserPoolId: env.COGNITO_USER_POOL_ID, ClientId: env.COGNITO_CLIENT_ID };
    const pool = (await s.cognito.send(new DescribeUserPoolCommand(ids))).UserPool;
    expect(pool).toMatchObject({
      Name: "contacts-prod",
      UsernameAttributes: ["email"],
      DeletionProtection: "ACTIVE",
      Domain: "contacts-prod-auth",
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Policies: { PasswordPolicy: { MinimumLength: 12, RequireSymbols: true } },
    });
    const client = (await s.cognito.send(new DescribeUserPoolClientCommand(ids))).UserPoolClient;
    expect(client).toMatchObject({
      ClientSecret: secret,
      ExplicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
      PreventUserExistenceErrors: "ENABLED",
      EnableTokenRevocation: true,
      AllowedOAuthFlows: ["code"],
      AllowedOAuthFlowsUserPoolClient: true,
      SupportedIdentityProviders: ["COGNITO"],
      CallbackURLs: ["https://contacts.example.com/api/auth/callback/cognito"],
      LogoutURLs: ["https://contacts.example.com/sign-in?signedOut=1"],
      AccessTokenValidity: 60,
      IdTokenValidity: 60,
      RefreshTokenValidity: 30,
      TokenValidityUnits: { AccessToken: "minutes", IdToken: "minutes", RefreshToken: "days" },
    });
    expect(client?.AllowedOAuthScopes).toEqual(expect.arrayContaining(["openid", "email", "profile"]));
    const groups = (await s.cognito.send(new ListGroupsCommand({ UserPoolId: ids.UserPoolId }))).Groups ?? [];
    expect(groups.map((g) => [g.GroupName, g.Precedence]).sort()).toEqual([
      ["admin", 1],
      ["user", 2],
    ]);
    const domain = await s.cognito.send(new DescribeUserPoolDomainCommand({ Domain: "contacts-prod-auth" }));
    expect(domain.DomainDescription?.UserPoolId).toBe(ids.UserPoolId);
  });

  it("a second run says unchanged for everything and makes no change at all", async () => {
    const before = s.calls.length;
    const run = await runCli(baseArgs());
    expect(run.code).toBe(0);
    expect(planActions(run.out)).toEqual(EVERY_RESOURCE.map((r) => `unchanged ${r}`));
    expect(run.out).toContain("Everything is up to date: nothing was changed.");
    const calls = s.calls.slice(before);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.filter(isWrite)).toEqual([]);
  });

  it("updates only what differs: another app URL changes the client's URLs, then it is unchanged again", async () => {
    const args = [...baseArgs(), "--app-url", "https://staging.contacts.example.com"];
    const dry = await runCli([...args, "--dry-run"]);
    expect(dry.out).toContainEqual(
      expect.stringMatching(/update +app client +contacts-web +\(CallbackURLs, LogoutURLs\)/),
    );
    const run = await runCli(args);
    expect(planActions(run.out)).toContain("update app client contacts-web");
    expect(planActions(run.out).filter((a) => a.startsWith("update"))).toHaveLength(1);
    const env = envValues(run.out);
    const ids = { UserPoolId: env.COGNITO_USER_POOL_ID, ClientId: env.COGNITO_CLIENT_ID };
    const client = (await s.cognito.send(new DescribeUserPoolClientCommand(ids))).UserPoolClient;
    expect(client?.CallbackURLs).toEqual([
      "https://contacts.example.com/api/auth/callback/cognito",
      "https://staging.contacts.example.com/api/auth/callback/cognito",
    ]);
    expect(client?.EnableTokenRevocation).toBe(true);
    const again = await runCli(args);
    expect(planActions(again.out).every((a) => a.startsWith("unchanged"))).toBe(true);
  });

  it("stops before changing anything when the prefix belongs to another pool", async () => {
    const before = s.calls.length;
    const run = await runCli([...baseArgs().slice(0, 2), "--pool-name", "other", ...baseArgs().slice(4)]);
    expect(run.code).toBe(1);
    expect(run.out).toContainEqual(expect.stringMatching(/conflict +domain +contacts-prod-auth: already used/));
    expect(s.calls.slice(before).filter(isWrite)).toEqual([]);
  });

  it("runs as `npm run cognito:provision`, with the same plan", async () => {
    const args = [...baseArgs(), "--app-url", "https://staging.contacts.example.com", "--dry-run"];
    const { stdout, stderr } = await execFileAsync("npm", ["run", "-s", "cognito:provision", "--", ...args]);
    expect(planActions(stdout.split("\n"))).toEqual(EVERY_RESOURCE.map((r) => `unchanged ${r}`));
    expect(stderr).toBe("");
  });
});
