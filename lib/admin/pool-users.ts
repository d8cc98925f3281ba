import "server-only";
import {
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  type AttributeType,
  ListUsersCommand,
  ListUsersInGroupCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { adminCall, isCognitoRefusal } from "@/lib/admin/cognito-admin-call";
import { listUsersFilter } from "@/lib/admin/email-search";

/** A pool user as the console shows and decides on it. `sub` addresses it in every admin call (Cognito accepts it). */
export type PoolUser = {
  sub: string;
  email: string | undefined;
  status: string;
  enabled: boolean;
  createdAt: string | null;
  groups: string[];
};

export type UsersPage = { users: PoolUser[]; nextToken: string | undefined };

export const USERS_PAGE_SIZE = 20;
const ADMIN_GROUP = "admin";
// Cognito's maximum page size for ListUsersInGroup and AdminListGroupsForUser.
const MAX_PAGE = 60;

type CognitoUser = {
  Username?: string | undefined;
  Attributes?: AttributeType[] | undefined;
  UserCreateDate?: Date | undefined;
  Enabled?: boolean | undefined;
  UserStatus?: string | undefined;
};

function attribute(attributes: AttributeType[] | undefined, name: string): string | undefined {
  return attributes?.find((entry) => entry.Name === name)?.Value;
}

function toPoolUser(user: CognitoUser, groups: string[]): PoolUser {
  return {
    sub: attribute(user.Attributes, "sub") ?? user.Username ?? "",
    email: attribute(user.Attributes, "email"),
    status: user.UserStatus ?? "UNKNOWN",
    // Only an explicit `true` is enabled: a missing flag never makes a user look active.
    enabled: user.Enabled === true,
    createdAt: user.UserCreateDate ? user.UserCreateDate.toISOString() : null,
    groups,
  };
}

/** Every group of one user, all pages, sorted. */
export async function listGroupsOf(sub: string): Promise<string[]> {
  const groups: string[] = [];
  let token: string | undefined;
  do {
    const page = await adminCall("AdminListGroupsForUser", (client, options, UserPoolId) =>
      client.send(
        new AdminListGroupsForUserCommand({ UserPoolId, Username: sub, Limit: MAX_PAGE, NextToken: token }),
        options,
      ),
    );
    groups.push(...(page.Groups ?? []).flatMap((group) => (group.GroupName ? [group.GroupName] : [])));
    token = page.NextToken;
  } while (token);
  return groups.sort();
}

/** One page of ListUsers (email prefix, Cognito's pagination token), each user with its groups (asked in parallel). */
export async function listPoolUsers(prefix: string, paginationToken: string | undefined): Promise<UsersPage> {
  const page = await adminCall("ListUsers", (client, options, UserPoolId) =>
    client.send(
      new ListUsersCommand({
        UserPoolId,
        Filter: listUsersFilter(prefix),
        Limit: USERS_PAGE_SIZE,
        PaginationToken: paginationToken,
      }),
      options,
    ),
  );
  const listed = (page.Users ?? []).map((user) => toPoolUser(user, []));
  const groups = await Promise.all(listed.map((user) => listGroupsOf(user.sub)));
  return {
    users: listed.map((user, index) => ({ ...user, groups: groups[index] ?? [] })),
    nextToken: page.PaginationToken || undefined,
  };
}

/** AdminGetUser + AdminListGroupsForUser: the user as it is now, or null when the pool has no such user. */
export async function getPoolUser(sub: string): Promise<PoolUser | null> {
  try {
    const [user, groups] = await Promise.all([
      adminCall("AdminGetUser", (client, options, UserPoolId) =>
        client.send(new AdminGetUserCommand({ UserPoolId, Username: sub }), options),
      ),
      listGroupsOf(sub),
    ]);
    const loaded = toPoolUser({ ...user, Attributes: user.UserAttributes }, groups);
    // Addressed by sub: an answer about anyone else (an alias that matched) is not this user.
    return loaded.sub === sub ? loaded : null;
  } catch (error) {
    if (isCognitoRefusal(error, "UserNotFoundException")) return null;
    throw error;
  }
}

/** The pool's enabled admins: every page of the admin group, counting only users Cognito says are enabled. */
export async function countEnabledAdmins(): Promise<number> {
  let count = 0;
  let token: string | undefined;
  do {
    const page = await adminCall("ListUsersInGroup", (client, options, UserPoolId) =>
      client.send(
        new ListUsersInGroupCommand({ UserPoolId, GroupName: ADMIN_GROUP, Limit: MAX_PAGE, NextToken: token }),
        options,
      ),
    );
    count += (page.Users ?? []).filter((user) => user.Enabled === true).length;
    token = page.NextToken;
  } while (token);
  return count;
}
