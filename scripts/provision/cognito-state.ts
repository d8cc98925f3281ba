import {
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  DescribeUserPoolDomainCommand,
  ListGroupsCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  type CognitoIdentityProviderClient,
  type GroupType,
  type UserPoolClientType,
  type UserPoolType,
} from "@aws-sdk/client-cognito-identity-provider";
import type { CurrentState, DemoUserWanted } from "@/scripts/provision/plan";

/** Read-only calls: what exists now, found by name. Nothing here changes the account. */

export class DuplicateNameError extends Error {
  override name = "DuplicateNameError";
}

/** Names are not unique in Cognito; two pools (or clients) of one name make "by name" ambiguous, so stop. */
function single<T>(found: T[], what: string): T | undefined {
  if (found.length > 1) throw new DuplicateNameError(`${found.length} ${what}: rename or delete all but one`);
  return found[0];
}

export async function findPool(
  cognito: CognitoIdentityProviderClient,
  name: string,
): Promise<UserPoolType | undefined> {
  const matches: string[] = [];
  let NextToken: string | undefined;
  do {
    const page = await cognito.send(new ListUserPoolsCommand({ MaxResults: 60, NextToken }));
    for (const pool of page.UserPools ?? []) if (pool.Name === name && pool.Id) matches.push(pool.Id);
    NextToken = page.NextToken;
  } while (NextToken);
  const id = single(matches, `user pools are named ${name}`);
  if (!id) return undefined;
  return (await cognito.send(new DescribeUserPoolCommand({ UserPoolId: id }))).UserPool;
}

export async function findClient(
  cognito: CognitoIdentityProviderClient,
  userPoolId: string,
  name: string,
): Promise<UserPoolClientType | undefined> {
  const matches: string[] = [];
  let NextToken: string | undefined;
  do {
    const page = await cognito.send(
      new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60, NextToken }),
    );
    for (const client of page.UserPoolClients ?? []) {
      if (client.ClientName === name && client.ClientId) matches.push(client.ClientId);
    }
    NextToken = page.NextToken;
  } while (NextToken);
  const id = single(matches, `app clients are named ${name}`);
  if (!id) return undefined;
  const described = await cognito.send(new DescribeUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: id }));
  return described.UserPoolClient;
}

export async function listGroups(cognito: CognitoIdentityProviderClient, userPoolId: string): Promise<GroupType[]> {
  const groups: GroupType[] = [];
  let NextToken: string | undefined;
  do {
    const page = await cognito.send(new ListGroupsCommand({ UserPoolId: userPoolId, Limit: 60, NextToken }));
    groups.push(...(page.Groups ?? []));
    NextToken = page.NextToken;
  } while (NextToken);
  return groups;
}

/** Unknown prefixes are not an error: Cognito answers an empty description. */
async function prefixOwner(cognito: CognitoIdentityProviderClient, prefix: string): Promise<string | undefined> {
  const described = await cognito.send(new DescribeUserPoolDomainCommand({ Domain: prefix }));
  return described.DomainDescription?.UserPoolId || undefined;
}

const isUserNotFound = (error: unknown) => error instanceof Error && error.name === "UserNotFoundException";

async function readUsers(
  cognito: CognitoIdentityProviderClient,
  userPoolId: string,
  users: readonly DemoUserWanted[],
): Promise<CurrentState["users"]> {
  const found: CurrentState["users"] = new Map();
  for (const user of users) {
    const ids = { UserPoolId: userPoolId, Username: user.email };
    try {
      await cognito.send(new AdminGetUserCommand(ids));
    } catch (error) {
      if (isUserNotFound(error)) continue;
      throw error;
    }
    const groups = await cognito.send(new AdminListGroupsForUserCommand(ids));
    found.set(user.email, { groups: (groups.Groups ?? []).flatMap((g) => (g.GroupName ? [g.GroupName] : [])) });
  }
  return found;
}

export async function readCurrentState(
  cognito: CognitoIdentityProviderClient,
  names: { poolName: string; clientName: string; domainPrefix: string },
  demoUsers: readonly DemoUserWanted[],
): Promise<CurrentState> {
  const pool = await findPool(cognito, names.poolName);
  const owner = await prefixOwner(cognito, names.domainPrefix);
  if (!pool?.Id) return { pool, client: undefined, groups: [], prefixOwner: owner, users: new Map() };
  return {
    pool,
    client: await findClient(cognito, pool.Id, names.clientName),
    groups: await listGroups(cognito, pool.Id),
    prefixOwner: owner,
    users: await readUsers(cognito, pool.Id, demoUsers),
  };
}
