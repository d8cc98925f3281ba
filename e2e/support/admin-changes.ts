/**
 * What the admin console does to a user, done directly, for specs that test what follows rather than the console:
 * the Cognito change through the e2e stand-in, and the registry's refresh mark written into the database the app
 * instances share, as requireRefresh (lib/auth/session/registry.ts) writes it.
 */
import {
  AdminAddUserToGroupCommand,
  AdminDisableUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { Pool } from "pg";
import { readStandInIds, standInClient } from "@/e2e/support/stand-in";

const cognito = standInClient;

const ref = (email: string) => ({ UserPoolId: readStandInIds().userPoolId, Username: email });

export async function subOfTestUser(email: string): Promise<string> {
  const user = await cognito().send(new AdminGetUserCommand(ref(email)));
  const sub = user.UserAttributes?.find((attribute) => attribute.Name === "sub")?.Value;
  if (!sub) throw new Error(`no sub for ${email}`);
  return sub;
}

/** What Cognito itself holds for a user: the console's page is never the evidence that nothing changed. */
export async function cognitoStateOf(email: string): Promise<{ enabled: boolean; status: string; groups: string[] }> {
  const [user, groups] = await Promise.all([
    cognito().send(new AdminGetUserCommand(ref(email))),
    cognito().send(new AdminListGroupsForUserCommand(ref(email))),
  ]);
  return {
    enabled: user.Enabled ?? false,
    status: user.UserStatus ?? "",
    groups: (groups.Groups ?? []).map((group) => group.GroupName ?? "").sort(),
  };
}

export async function addTestUserToGroup(email: string, group: string): Promise<void> {
  await cognito().send(new AdminAddUserToGroupCommand({ ...ref(email), GroupName: group }));
}

export async function disableTestUser(email: string): Promise<void> {
  await cognito().send(new AdminDisableUserCommand(ref(email)));
}

/** requireRefresh's two writes, with a millisecond timestamp as the app's own Date would give. */
export async function markForRefresh(databaseUrl: string, sub: string): Promise<number> {
  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  const now = new Date().toISOString();
  try {
    await pool.query(
      `insert into user_refresh_marks (sub, marked_at) values ($1, $2)
       on conflict (sub) do update set marked_at = greatest(user_refresh_marks.marked_at, excluded.marked_at)`,
      [sub, now],
    );
    const marked = await pool.query(
      `update sessions set refresh_required_at = $2 where sub = $1 and revoked_at is null
       and idle_expires_at > $2 and absolute_expires_at > $2`,
      [sub, now],
    );
    return marked.rowCount ?? 0;
  } finally {
    await pool.end();
  }
}
