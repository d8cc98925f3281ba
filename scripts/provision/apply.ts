import {
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  CreateUserPoolDomainCommand,
  DeleteUserPoolDomainCommand,
  UpdateGroupCommand,
  UpdateUserPoolClientCommand,
  UpdateUserPoolCommand,
  type CognitoIdentityProviderClient,
} from "@aws-sdk/client-cognito-identity-provider";
import { applyDemoUsers, type CreatedUser } from "@/scripts/provision/demo-users";
import { createPoolInput, type DesiredState } from "@/scripts/provision/desired";
import type { CurrentState, Plan, Resource } from "@/scripts/provision/plan";
import { poolUpdateInput } from "@/scripts/provision/pool-update";

export type Provisioned = {
  userPoolId: string;
  clientId: string;
  clientSecret: string;
  domainPrefix: string;
  createdUsers: CreatedUser[];
};

function actionOf(plan: Plan, resource: Resource, name: string) {
  return plan.entries.find((e) => e.resource === resource && e.name === name)?.action ?? "unchanged";
}

async function applyPool(
  cognito: CognitoIdentityProviderClient,
  desired: DesiredState,
  current: CurrentState,
  plan: Plan,
) {
  const action = actionOf(plan, "user pool", desired.pool.PoolName);
  if (action === "create") {
    const created = await cognito.send(new CreateUserPoolCommand(createPoolInput(desired.pool)));
    if (!created.UserPool?.Id) throw new Error("CreateUserPool returned no pool id");
    return created.UserPool.Id;
  }
  if (!current.pool?.Id) throw new Error("the plan has a user pool to update but none was found");
  if (action === "update") {
    await cognito.send(new UpdateUserPoolCommand(poolUpdateInput(current.pool, desired.pool.settings)));
  }
  return current.pool.Id;
}

async function applyGroups(
  cognito: CognitoIdentityProviderClient,
  userPoolId: string,
  desired: DesiredState,
  plan: Plan,
) {
  for (const group of desired.groups) {
    const action = actionOf(plan, "group", group.GroupName);
    if (action === "create")
      await cognito.send(
        new CreateGroupCommand({ ...group.settings, GroupName: group.GroupName, UserPoolId: userPoolId }),
      );
    if (action === "update")
      await cognito.send(
        new UpdateGroupCommand({ ...group.settings, GroupName: group.GroupName, UserPoolId: userPoolId }),
      );
  }
}

async function applyClient(
  cognito: CognitoIdentityProviderClient,
  userPoolId: string,
  desired: DesiredState,
  current: CurrentState,
  plan: Plan,
) {
  const action = actionOf(plan, "app client", desired.client.ClientName);
  if (action === "create") {
    const input = { ...desired.client, UserPoolId: userPoolId, GenerateSecret: true };
    const created = (await cognito.send(new CreateUserPoolClientCommand(input))).UserPoolClient;
    if (!created?.ClientId || !created.ClientSecret) throw new Error("CreateUserPoolClient returned no id or secret");
    return { clientId: created.ClientId, clientSecret: created.ClientSecret };
  }
  const clientId = current.client?.ClientId;
  if (!clientId) throw new Error("the plan has an app client to update but none was found");
  // UpdateUserPoolClient also resets what it is not given: desired.client is the client's whole configuration.
  if (action === "update") {
    await cognito.send(
      new UpdateUserPoolClientCommand({ ...desired.client, UserPoolId: userPoolId, ClientId: clientId }),
    );
  }
  // The secret never changes after creation (the plan refuses a client without one).
  const clientSecret = current.client?.ClientSecret;
  if (!clientSecret) throw new Error(`app client ${desired.client.ClientName} has no secret`);
  return { clientId, clientSecret };
}

async function applyDomain(
  cognito: CognitoIdentityProviderClient,
  userPoolId: string,
  desired: DesiredState,
  current: CurrentState,
  plan: Plan,
) {
  const action = actionOf(plan, "domain", desired.domainPrefix);
  if (action === "unchanged") return;
  // A prefix cannot be renamed: the old one goes first (a pool has at most one domain).
  const old = current.pool?.Domain;
  if (action === "update" && old)
    await cognito.send(new DeleteUserPoolDomainCommand({ UserPoolId: userPoolId, Domain: old }));
  await cognito.send(new CreateUserPoolDomainCommand({ UserPoolId: userPoolId, Domain: desired.domainPrefix }));
}

/** Carries out a plan without conflicts, in dependency order: pool, groups, client, domain, users. */
export async function applyPlan(
  cognito: CognitoIdentityProviderClient,
  desired: DesiredState,
  current: CurrentState,
  plan: Plan,
): Promise<Provisioned> {
  if (plan.conflicts.length > 0) throw new Error("a plan with conflicts cannot be applied");
  const userPoolId = await applyPool(cognito, desired, current, plan);
  await applyGroups(cognito, userPoolId, desired, plan);
  const { clientId, clientSecret } = await applyClient(cognito, userPoolId, desired, current, plan);
  await applyDomain(cognito, userPoolId, desired, current, plan);
  const createdUsers = await applyDemoUsers(cognito, userPoolId, plan.entries);
  return { userPoolId, clientId, clientSecret, domainPrefix: desired.domainPrefix, createdUsers };
}
