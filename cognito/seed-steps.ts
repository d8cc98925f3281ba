import { randomBytes } from "node:crypto";
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  AdminSetUserPasswordCommand,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolClientCommand,
  ListGroupsCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  UpdateUserPoolClientCommand,
  type CognitoIdentityProviderClient,
  type CreateUserPoolClientCommandInput,
  type CreateUserPoolCommandInput,
} from "@aws-sdk/client-cognito-identity-provider";
import { seedData, type DemoUser } from "@/cognito/seed-data";

/** The seed's steps, each the AWS CLI call you would make by hand, each skipping what already exists. */

const isUserNotFound = (error: unknown) => error instanceof Error && error.name === "UserNotFoundException";

export async function ensurePool(cognito: CognitoIdentityProviderClient, log: (line: string) => void): Promise<string> {
  const name = seedData.userPool.PoolName;
  let nextToken: string | undefined;
  do {
    const page = await cognito.send(new ListUserPoolsCommand({ MaxResults: 60, NextToken: nextToken }));
    const found = page.UserPools?.find((pool) => pool.Name === name);
    if (found?.Id) return found.Id;
    nextToken = page.NextToken;
  } while (nextToken);
  const created = await cognito.send(new CreateUserPoolCommand(seedData.userPool as CreateUserPoolCommandInput));
  if (!created.UserPool?.Id) throw new Error("CreateUserPool returned no pool id");
  log(`created user pool ${name}`);
  return created.UserPool.Id;
}

type ClientSettings = Omit<CreateUserPoolClientCommandInput, "UserPoolId">;

/** seed.json's client settings, with the callback and sign-out URLs of any extra app origins (e.g. APP_PORT=4000). */
function clientSettings(appUrls: readonly string[]): ClientSettings {
  const settings = { ...(seedData.appClient as ClientSettings) };
  const add = (list: string[] | undefined, path: string) => [
    ...new Set([...(list ?? []), ...appUrls.map((url) => `${url}${path}`)]),
  ];
  settings.CallbackURLs = add(settings.CallbackURLs, "/api/auth/callback/cognito");
  settings.LogoutURLs = add(settings.LogoutURLs, "/sign-in?signedOut=1");
  return settings;
}

/** Creates the app client once; later runs re-apply seed.json's settings to it (same id and secret). */
export async function ensureClient(
  cognito: CognitoIdentityProviderClient,
  userPoolId: string,
  log: (line: string) => void,
  appUrls: readonly string[] = [],
) {
  const settings = clientSettings(appUrls);
  // UpdateUserPoolClient has no GenerateSecret: the secret made at creation stays.
  delete settings.GenerateSecret;
  const list = await cognito.send(new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60 }));
  const existing = list.UserPoolClients?.find((client) => client.ClientName === settings.ClientName);
  let clientId = existing?.ClientId;
  if (clientId) {
    await cognito.send(new UpdateUserPoolClientCommand({ ...settings, UserPoolId: userPoolId, ClientId: clientId }));
  } else {
    const input = { ...clientSettings(appUrls), UserPoolId: userPoolId };
    clientId = (await cognito.send(new CreateUserPoolClientCommand(input))).UserPoolClient?.ClientId;
    log(`created app client ${settings.ClientName}`);
  }
  const described = await cognito.send(
    new DescribeUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: clientId }),
  );
  const secret = described.UserPoolClient?.ClientSecret;
  if (!clientId || !secret) throw new Error(`app client ${settings.ClientName} has no id or secret`);
  return { clientId, clientSecret: secret };
}

/** ListGroups rather than GetGroup: cognito-local answers GetGroup with a 500 while a pool has no groups yet. */
export async function ensureGroups(
  cognito: CognitoIdentityProviderClient,
  userPoolId: string,
  log: (line: string) => void,
) {
  const existing = await cognito.send(new ListGroupsCommand({ UserPoolId: userPoolId, Limit: 60 }));
  const names = new Set((existing.Groups ?? []).map((group) => group.GroupName));
  for (const group of seedData.groups) {
    if (names.has(group.GroupName)) continue;
    await cognito.send(new CreateGroupCommand({ ...group, UserPoolId: userPoolId }));
    log(`created group ${group.GroupName}`);
  }
}

/** Existing users are left alone (newbie may have set a password already); only missing group links are added. */
export async function ensureUser(
  cognito: CognitoIdentityProviderClient,
  userPoolId: string,
  user: DemoUser,
  log: (line: string) => void,
) {
  const ids = { UserPoolId: userPoolId, Username: user.email };
  try {
    await cognito.send(new AdminGetUserCommand(ids));
  } catch (error) {
    if (!isUserNotFound(error)) throw error;
    // Users who get a permanent password still start from a throwaway temporary one, as with the AWS CLI.
    const temporary = user.temporary ? user.password : `Tmp#${randomBytes(12).toString("base64url")}1a`;
    const attributes = [
      { Name: "email", Value: user.email },
      { Name: "email_verified", Value: "true" },
    ];
    await cognito.send(
      new AdminCreateUserCommand({
        ...ids,
        UserAttributes: attributes,
        TemporaryPassword: temporary,
        MessageAction: "SUPPRESS",
      }),
    );
    if (!user.temporary)
      await cognito.send(new AdminSetUserPasswordCommand({ ...ids, Password: user.password, Permanent: true }));
    log(`created user ${user.email}`);
  }
  if (!user.group) return;
  const groups = await cognito.send(new AdminListGroupsForUserCommand(ids));
  if (groups.Groups?.some((group) => group.GroupName === user.group)) return;
  await cognito.send(new AdminAddUserToGroupCommand({ ...ids, GroupName: user.group }));
}
