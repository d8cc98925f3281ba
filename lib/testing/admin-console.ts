/**
 * The admin console's integration suites: a real PDP, a real seeded stand-in, the app's env pointing at both, and
 * helpers to make throwaway pool users and identities for them. Test-only.
 */
import { randomUUID } from "node:crypto";
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  type CognitoIdentityProviderClient,
} from "@aws-sdk/client-cognito-identity-provider";
import { createCognitoClient } from "@/cognito/seed";
import type { CurrentUser } from "@/lib/auth/current-user";
import { type Harness, startSeeded } from "@/lib/testing/cognito-stand-in";
import { setInProcessAppEnv } from "@/lib/testing/in-process-env";
import { startPdp, type PdpProcess } from "@/lib/testing/pdp-process";

export type ConsoleStack = {
  h: Harness;
  pdp: PdpProcess;
  cognito: CognitoIdentityProviderClient;
  stop(): Promise<void>;
};

export async function startConsoleStack(
  ports: { pdp: [number, number]; standIn: number },
  env: Record<string, string> = {},
): Promise<ConsoleStack> {
  const [pdp, h] = await Promise.all([startPdp(...ports.pdp), startSeeded(ports.standIn)]);
  setInProcessAppEnv(pdp.url, {
    COGNITO_LOCAL_URL: h.url,
    COGNITO_USER_POOL_ID: h.userPoolId,
    COGNITO_CLIENT_ID: h.clientId,
    COGNITO_CLIENT_SECRET: h.clientSecret,
    COGNITO_TIMEOUT_MS: "3000",
    ...env,
  });
  const cognito = createCognitoClient(h.url);
  const stop = async () => {
    cognito.destroy();
    await Promise.all([pdp.stop(), h.stop()]);
  };
  return { h, pdp, cognito, stop };
}

export async function subOf(stack: ConsoleStack, email: string): Promise<string> {
  const user = await stack.cognito.send(new AdminGetUserCommand({ UserPoolId: stack.h.userPoolId, Username: email }));
  const sub = user.UserAttributes?.find((attribute) => attribute.Name === "sub")?.Value;
  if (!sub) throw new Error(`no sub for ${email}`);
  return sub;
}

/** The identity a signed-in user's token would give: `groups` as the token says, whatever Cognito says now. */
export function identityOf(sub: string, email: string, groups: string[]): CurrentUser {
  const claims = { sub, exp: 2_000_000_000, client_id: "test", token_use: "access" as const, "cognito:groups": groups };
  return { sub, username: sub, email, groups, claims, via: "bearer" };
}

export type PoolUserOptions = {
  disabled?: boolean;
  /** Instead of a random `it-…@example.com`: searches need emails sharing a prefix. */
  email?: string;
  /** Left with its temporary password (FORCE_CHANGE_PASSWORD) instead of a permanent one (CONFIRMED). */
  temporary?: boolean;
};

/** A throwaway user in `groups` (confirmed unless `temporary`, optionally disabled); its email, sub and password. */
export async function createPoolUser(stack: ConsoleStack, groups: string[] = [], options: PoolUserOptions = {}) {
  const UserPoolId = stack.h.userPoolId;
  const email = options.email ?? `it-${randomUUID().slice(0, 8)}@example.com`;
  const password = `Pw#${randomUUID().slice(0, 8)}Aa1`;
  const attributes = [
    { Name: "email", Value: email },
    { Name: "email_verified", Value: "true" },
  ];
  const created = { UserPoolId, Username: email, MessageAction: "SUPPRESS" as const, UserAttributes: attributes };
  if (options.temporary) {
    await stack.cognito.send(new AdminCreateUserCommand({ ...created, TemporaryPassword: password }));
  } else {
    await stack.cognito.send(new AdminCreateUserCommand(created));
    await stack.cognito.send(
      new AdminSetUserPasswordCommand({ UserPoolId, Username: email, Password: password, Permanent: true }),
    );
  }
  for (const GroupName of groups) {
    await stack.cognito.send(new AdminAddUserToGroupCommand({ UserPoolId, Username: email, GroupName }));
  }
  if (options.disabled) await stack.cognito.send(new AdminDisableUserCommand({ UserPoolId, Username: email }));
  return { email, password, sub: await subOf(stack, email) };
}
