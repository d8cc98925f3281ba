// The user-pool and domain calls the provisioning CLI makes, answered as Cognito answers them.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  CreateUserPoolDomainCommand,
  DeleteUserPoolCommand,
  DeleteUserPoolDomainCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  DescribeUserPoolDomainCommand,
  UpdateUserPoolClientCommand,
  UpdateUserPoolCommand,
  type CognitoIdentityProviderClient,
} from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HAS_DOMAIN_MESSAGE, PROTECTED_MESSAGE } from "@/cognito/pool-targets";
import { createCognitoClient } from "@/cognito/seed";
import { startStandIn, type RunningStandIn } from "@/cognito/server";

const PORT = 9438;
let running: RunningStandIn;
let stateDir: string;
let cognito: CognitoIdentityProviderClient;

beforeAll(async () => {
  stateDir = await mkdtemp(path.join(os.tmpdir(), "cognito-pool-domain-"));
  running = await startStandIn({ port: PORT, stateDir, log: () => undefined });
  cognito = createCognitoClient(running.url);
});
afterAll(async () => {
  cognito?.destroy();
  await running?.close();
  if (stateDir) await rm(stateDir, { recursive: true, force: true });
});

async function newPool(name: string, protection?: "ACTIVE" | "INACTIVE"): Promise<string> {
  const created = await cognito.send(new CreateUserPoolCommand({ PoolName: name, DeletionProtection: protection }));
  return created.UserPool?.Id ?? "";
}

const describePool = async (id: string) =>
  (await cognito.send(new DescribeUserPoolCommand({ UserPoolId: id }))).UserPool;

describe("deletion protection", () => {
  it("is kept, shown, and refuses DeleteUserPool until UpdateUserPool turns it off", async () => {
    const id = await newPool("protected", "ACTIVE");
    expect((await describePool(id))?.DeletionProtection).toBe("ACTIVE");
    await expect(cognito.send(new DeleteUserPoolCommand({ UserPoolId: id }))).rejects.toMatchObject({
      name: "InvalidParameterException",
      message: PROTECTED_MESSAGE,
    });
    await cognito.send(new UpdateUserPoolCommand({ UserPoolId: id, DeletionProtection: "INACTIVE" }));
    expect((await describePool(id))?.DeletionProtection).toBe("INACTIVE");
    await cognito.send(new DeleteUserPoolCommand({ UserPoolId: id }));
    await expect(describePool(id)).rejects.toMatchObject({ name: "ResourceNotFoundException" });
  });

  it("defaults to INACTIVE, and UpdateUserPool without it resets it, as Cognito does", async () => {
    const id = await newPool("unprotected");
    expect((await describePool(id))?.DeletionProtection).toBe("INACTIVE");
    await cognito.send(new UpdateUserPoolCommand({ UserPoolId: id, DeletionProtection: "ACTIVE" }));
    await cognito.send(new UpdateUserPoolCommand({ UserPoolId: id }));
    expect((await describePool(id))?.DeletionProtection).toBe("INACTIVE");
  });
});

describe("user pool domains", () => {
  it("creates, describes and deletes a prefix domain; DescribeUserPool shows it", async () => {
    const id = await newPool("with-domain");
    const created = await cognito.send(new CreateUserPoolDomainCommand({ UserPoolId: id, Domain: "contacts-a" }));
    expect(created.ManagedLoginVersion).toBe(1);
    const described = await cognito.send(new DescribeUserPoolDomainCommand({ Domain: "contacts-a" }));
    expect(described.DomainDescription).toMatchObject({ UserPoolId: id, Domain: "contacts-a", Status: "ACTIVE" });
    expect((await describePool(id))?.Domain).toBe("contacts-a");
    await expect(cognito.send(new DeleteUserPoolCommand({ UserPoolId: id }))).rejects.toMatchObject({
      name: "InvalidParameterException",
      message: HAS_DOMAIN_MESSAGE,
    });
    await cognito.send(new DeleteUserPoolDomainCommand({ UserPoolId: id, Domain: "contacts-a" }));
    expect((await cognito.send(new DescribeUserPoolDomainCommand({ Domain: "contacts-a" }))).DomainDescription).toEqual(
      {},
    );
    expect((await describePool(id))?.Domain).toBeUndefined();
    await cognito.send(new DeleteUserPoolCommand({ UserPoolId: id }));
  });

  it("answers an unknown domain with an empty description, not an error", async () => {
    const described = await cognito.send(new DescribeUserPoolDomainCommand({ Domain: "nobody-has-this" }));
    expect(described.DomainDescription).toEqual({});
  });

  it("refuses a taken prefix, a second domain, a malformed prefix and deleting another pool's domain", async () => {
    const first = await newPool("first");
    const second = await newPool("second");
    await cognito.send(new CreateUserPoolDomainCommand({ UserPoolId: first, Domain: "taken-b" }));
    const refusal = (message: string | RegExp) => ({ name: "InvalidParameterException", message });
    await expect(
      cognito.send(new CreateUserPoolDomainCommand({ UserPoolId: second, Domain: "taken-b" })),
    ).rejects.toMatchObject(refusal("Domain already associated with another user pool."));
    await expect(
      cognito.send(new CreateUserPoolDomainCommand({ UserPoolId: first, Domain: "other-b" })),
    ).rejects.toMatchObject(refusal("User pool already has a domain configured."));
    await expect(
      cognito.send(new CreateUserPoolDomainCommand({ UserPoolId: second, Domain: "Bad_Prefix" })),
    ).rejects.toMatchObject(refusal(/failed to satisfy constraint/));
    await expect(
      cognito.send(new DeleteUserPoolDomainCommand({ UserPoolId: second, Domain: "taken-b" })),
    ).rejects.toMatchObject(refusal("No such domain or user pool exists."));
  });
});

describe("groups and app clients", () => {
  it("refuses a second group of the same name instead of overwriting it", async () => {
    const id = await newPool("groups");
    await cognito.send(new CreateGroupCommand({ UserPoolId: id, GroupName: "admin", Precedence: 0 }));
    await expect(cognito.send(new CreateGroupCommand({ UserPoolId: id, GroupName: "admin" }))).rejects.toMatchObject({
      name: "GroupExistsException",
      message: "A group with the name admin already exists.",
    });
  });

  it("round-trips token validity, revocation and OAuth settings through create, update and describe", async () => {
    const id = await newPool("clients");
    const settings = {
      AccessTokenValidity: 60,
      IdTokenValidity: 60,
      RefreshTokenValidity: 30,
      TokenValidityUnits: { AccessToken: "minutes", IdToken: "minutes", RefreshToken: "days" } as const,
      EnableTokenRevocation: true,
      PreventUserExistenceErrors: "ENABLED" as const,
      AllowedOAuthFlows: ["code" as const],
      AllowedOAuthScopes: ["openid", "email"],
      AllowedOAuthFlowsUserPoolClient: true,
      SupportedIdentityProviders: ["COGNITO"],
      CallbackURLs: ["https://a.example.com/api/auth/callback/cognito"],
      LogoutURLs: ["https://a.example.com/sign-in?signedOut=1"],
    };
    const created = await cognito.send(
      new CreateUserPoolClientCommand({ UserPoolId: id, ClientName: "web", GenerateSecret: true, ...settings }),
    );
    const clientId = created.UserPoolClient?.ClientId ?? "";
    const ids = { UserPoolId: id, ClientId: clientId };
    expect((await cognito.send(new DescribeUserPoolClientCommand(ids))).UserPoolClient).toMatchObject(settings);
    const changed = { ...settings, AllowedOAuthScopes: ["openid", "email", "profile"], RefreshTokenValidity: 7 };
    await cognito.send(new UpdateUserPoolClientCommand({ ...ids, ClientName: "web", ...changed }));
    const described = (await cognito.send(new DescribeUserPoolClientCommand(ids))).UserPoolClient;
    expect(described).toMatchObject(changed);
    expect(described?.ClientSecret).toBe(created.UserPoolClient?.ClientSecret);
  });
});
