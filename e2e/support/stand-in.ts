/**
 * Direct access to the e2e stack's Cognito stand-in (the same one the app uses), for what a browser cannot do:
 * creating users, changing the app client, and getting raw tokens for the Bearer API tests.
 */
import { createHmac, randomUUID } from "node:crypto";
import path from "node:path";
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  DescribeUserPoolClientCommand,
  InitiateAuthCommand,
  UpdateUserPoolClientCommand,
  type UpdateUserPoolClientCommandInput,
} from "@aws-sdk/client-cognito-identity-provider";
import { readEnvFile, requireKeys } from "@/e2e/support/env-file";

export const STAND_IN_URL = "http://127.0.0.1:9329";
const LOCAL_ENV = path.resolve(".cognito/e2e/local.env");

// The SDK warns once per process that its 2027 releases will need Node 22; this project pins Node 20 on purpose.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

export type StandInIds = { userPoolId: string; clientId: string; clientSecret: string };

/** Read on demand: the stack regenerates the ids on every run (its state dir is wiped at start). */
export function readStandInIds(): StandInIds {
  const env = requireKeys(
    readEnvFile(LOCAL_ENV),
    ["COGNITO_USER_POOL_ID", "COGNITO_CLIENT_ID", "COGNITO_CLIENT_SECRET"],
    LOCAL_ENV,
  );
  return {
    userPoolId: env.COGNITO_USER_POOL_ID,
    clientId: env.COGNITO_CLIENT_ID,
    clientSecret: env.COGNITO_CLIENT_SECRET,
  };
}

let client: CognitoIdentityProviderClient | undefined;

/** One SDK client for the e2e stand-in, shared by the support modules that change its users directly. */
export function standInClient(): CognitoIdentityProviderClient {
  // The stand-in ignores credentials, but the SDK refuses to sign a request without some.
  client ??= new CognitoIdentityProviderClient({
    endpoint: STAND_IN_URL,
    region: "local",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  return client;
}

/** Cognito's SECRET_HASH: base64(HMAC-SHA256(clientSecret, username + clientId)). */
export function secretHash(username: string, clientId: string, clientSecret: string): string {
  return createHmac("sha256", clientSecret)
    .update(username + clientId)
    .digest("base64");
}

export type TokenSet = { accessToken: string; idToken: string; refreshToken: string };

export async function signInForTokens(
  email: string,
  password: string,
  ids: StandInIds = readStandInIds(),
): Promise<TokenSet> {
  const { AuthenticationResult: result } = await standInClient().send(
    new InitiateAuthCommand({
      AuthFlow: "USER_PASSWORD_AUTH",
      ClientId: ids.clientId,
      AuthParameters: {
        USERNAME: email,
        PASSWORD: password,
        SECRET_HASH: secretHash(email, ids.clientId, ids.clientSecret),
      },
    }),
  );
  if (!result?.AccessToken || !result.IdToken || !result.RefreshToken) throw new Error(`no tokens for ${email}`);
  return { accessToken: result.AccessToken, idToken: result.IdToken, refreshToken: result.RefreshToken };
}

export async function describeAppClient(ids: StandInIds = readStandInIds()) {
  const { UserPoolClient } = await standInClient().send(
    new DescribeUserPoolClientCommand({ UserPoolId: ids.userPoolId, ClientId: ids.clientId }),
  );
  if (!UserPoolClient) throw new Error("app client not found");
  return UserPoolClient;
}

type ClientChanges = Omit<UpdateUserPoolClientCommandInput, "UserPoolId" | "ClientId">;

export async function updateAppClient(changes: ClientChanges, ids: StandInIds = readStandInIds()): Promise<void> {
  await standInClient().send(
    new UpdateUserPoolClientCommand({ UserPoolId: ids.userPoolId, ClientId: ids.clientId, ...changes }),
  );
}

/** A second app client in the same pool: its tokens are genuine but meant for someone else. */
export async function createOtherAppClient(ids: StandInIds = readStandInIds()): Promise<StandInIds> {
  const { UserPoolClient } = await standInClient().send(
    new CreateUserPoolClientCommand({
      UserPoolId: ids.userPoolId,
      ClientName: `e2e-other-${randomUUID().slice(0, 8)}`,
      GenerateSecret: true,
      ExplicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
    }),
  );
  if (!UserPoolClient?.ClientId) throw new Error("CreateUserPoolClient returned no client id");
  return {
    userPoolId: ids.userPoolId,
    clientId: UserPoolClient.ClientId,
    clientSecret: UserPoolClient.ClientSecret ?? "",
  };
}

export type TestUser = { email: string; password: string };

/**
 * A user of this test alone, so tests that end sessions or answer a one-time challenge do not disturb the
 * seeded personas. `temporary: true` leaves it in FORCE_CHANGE_PASSWORD (NEW_PASSWORD_REQUIRED on sign-in).
 * `prefix` starts the email ("e2e-<prefix>-…"), so a search for it finds one test's users and nobody else.
 */
export async function createTestUser(
  options: { group?: string; temporary?: boolean; prefix?: string } = {},
): Promise<TestUser> {
  const ids = readStandInIds();
  const start = options.prefix ? `e2e-${options.prefix}-` : "e2e-";
  const email = `${start}${randomUUID().slice(0, 12)}@example.com`;
  const password = `Tmp#${randomUUID().slice(0, 8)}Aa1`;
  await standInClient().send(
    new AdminCreateUserCommand({
      UserPoolId: ids.userPoolId,
      Username: email,
      TemporaryPassword: password,
      MessageAction: "SUPPRESS",
      UserAttributes: [
        { Name: "email", Value: email },
        { Name: "email_verified", Value: "true" },
      ],
    }),
  );
  if (!options.temporary) {
    await standInClient().send(
      new AdminSetUserPasswordCommand({
        UserPoolId: ids.userPoolId,
        Username: email,
        Password: password,
        Permanent: true,
      }),
    );
  }
  if (options.group) {
    await standInClient().send(
      new AdminAddUserToGroupCommand({ UserPoolId: ids.userPoolId, Username: email, GroupName: options.group }),
    );
  }
  return { email, password };
}

export async function deleteTestUser(email: string): Promise<void> {
  const ids = readStandInIds();
  await standInClient().send(new AdminDeleteUserCommand({ UserPoolId: ids.userPoolId, Username: email }));
}
