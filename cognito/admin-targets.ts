import { z } from "zod";
import {
  CognitoError,
  GroupNotFoundError,
  InvalidParameterError,
  UserNotFoundError,
} from "cognito-local/lib/errors.js";
import type { Group, User, UserPoolService } from "cognito-local/lib/services/userPoolService.js";
import { groupToResponseObject, userToResponseObject } from "cognito-local/lib/targets/responses.js";
import { passwordPolicyError } from "@/cognito/auth-flows";
import type { StandIn } from "@/cognito/stand-in";
import type { SignedOutUser } from "@/cognito/token-origin";
import { pageOf, pageSize, parseUserFilter } from "@/cognito/user-list";

/**
 * The admin calls of the app's user console, as Cognito answers them. cognito-local ignores Limit and pagination
 * tokens and takes loose filters (user-list.ts), says "User not found." where Cognito says "User does not exist.",
 * finds no groups for a user named by email, accepts any password from an admin, and leaves a disabled user's access
 * tokens working. Each call resolves the user (by username, email alias or sub) before it acts.
 */

const Pool = z.looseObject({ UserPoolId: z.string().min(1) });
const UserRef = Pool.extend({ Username: z.string().min(1) });
const GroupRef = UserRef.extend({ GroupName: z.string().min(1) });
const ListUsersBody = Pool.extend({
  Filter: z.string().optional(),
  Limit: z.unknown().optional(),
  PaginationToken: z.string().min(1).optional(),
  AttributesToGet: z.array(z.string()).optional(),
});
const GroupPage = Pool.extend({
  GroupName: z.string().min(1),
  Limit: z.unknown().optional(),
  NextToken: z.string().optional(),
});
const UserPage = UserRef.extend({ Limit: z.unknown().optional(), NextToken: z.string().optional() });
const SetPassword = UserRef.extend({ Password: z.string().min(1), Permanent: z.boolean().optional() });

function parse<T>(schema: z.ZodType<T>, raw: unknown): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join(".")))].join(", ");
    throw new InvalidParameterError(`Missing or invalid parameter: ${fields}`);
  }
  return parsed.data;
}

async function poolOf(standIn: StandIn, poolId: string): Promise<UserPoolService> {
  return standIn.core.services.cognito.getUserPool(standIn.core.ctx, poolId);
}

async function userOf(standIn: StandIn, body: { UserPoolId: string; Username: string }) {
  const pool = await poolOf(standIn, body.UserPoolId);
  const user = await pool.getUserByUsername(standIn.core.ctx, body.Username);
  if (!user) throw new UserNotFoundError("User does not exist.");
  return { pool, user };
}

async function groupOf(pool: UserPoolService, standIn: StandIn, name: string): Promise<Group> {
  const group = await pool.getGroupByGroupName(standIn.core.ctx, name);
  if (!group) throw new GroupNotFoundError();
  return group;
}

function userResponse(user: User, attributesToGet?: string[]) {
  const response = userToResponseObject(user);
  if (!attributesToGet) return response;
  return { ...response, Attributes: (user.Attributes ?? []).filter((a) => attributesToGet.includes(a.Name)) };
}

async function listUsers(standIn: StandIn, raw: unknown): Promise<unknown> {
  const body = parse(ListUsersBody, raw);
  const limit = pageSize(body.Limit);
  const matches = parseUserFilter(body.Filter);
  const users = (await (await poolOf(standIn, body.UserPoolId)).listUsers(standIn.core.ctx)).filter(matches);
  const query = `users|${body.Filter ?? ""}`;
  const { page, next } = pageOf(users, (user) => user.Username, { limit, token: body.PaginationToken, query });
  return { Users: page.map((user) => userResponse(user, body.AttributesToGet)), PaginationToken: next };
}

async function listUsersInGroup(standIn: StandIn, raw: unknown): Promise<unknown> {
  const body = parse(GroupPage, raw);
  const limit = pageSize(body.Limit);
  const pool = await poolOf(standIn, body.UserPoolId);
  const group = await groupOf(pool, standIn, body.GroupName);
  const found = await Promise.all((group.members ?? []).map((name) => pool.getUserByUsername(standIn.core.ctx, name)));
  const users = found.filter((user): user is User => user !== null);
  const query = `group|${body.GroupName}`;
  const { page, next } = pageOf(users, (user) => user.Username, { limit, token: body.NextToken, query });
  return { Users: page.map((user) => userResponse(user)), NextToken: next };
}

async function adminListGroupsForUser(standIn: StandIn, raw: unknown): Promise<unknown> {
  const body = parse(UserPage, raw);
  const limit = pageSize(body.Limit);
  const { pool, user } = await userOf(standIn, body);
  const groups = (await pool.listGroups(standIn.core.ctx)).filter((group) => group.members?.includes(user.Username));
  const query = `groups-of|${user.Username}`;
  const { page, next } = pageOf(groups, (group) => group.GroupName, { limit, token: body.NextToken, query });
  return { Groups: page.map(groupToResponseObject(body.UserPoolId)), NextToken: next };
}

async function changeMembership(standIn: StandIn, raw: unknown, change: "add" | "remove"): Promise<unknown> {
  const body = parse(GroupRef, raw);
  const pool = await poolOf(standIn, body.UserPoolId);
  const group = await groupOf(pool, standIn, body.GroupName);
  const { user } = await userOf(standIn, body);
  if (change === "add") await pool.addUserToGroup(standIn.core.ctx, group, user);
  else await pool.removeUserFromGroup(standIn.core.ctx, group, user);
  return {};
}

/** Cognito's AdminDisableUser also revokes the user's access tokens: they stay refused after AdminEnableUser. */
async function setEnabled(standIn: StandIn, raw: unknown, enabled: boolean): Promise<unknown> {
  const { pool, user } = await userOf(standIn, parse(UserRef, raw));
  const revoked = enabled ? {} : { GlobalSignOutAt: Date.now() };
  const changed: SignedOutUser = { ...user, ...revoked, Enabled: enabled, UserLastModifiedDate: new Date() };
  await pool.saveUser(standIn.core.ctx, changed);
  return {};
}

/** The pool's password policy holds for admins too; Permanent:false makes it a temporary password. */
async function adminSetUserPassword(standIn: StandIn, raw: unknown): Promise<unknown> {
  const body = parse(SetPassword, raw);
  const { pool, user } = await userOf(standIn, body);
  const policyError = passwordPolicyError(pool.options.Policies?.PasswordPolicy, body.Password);
  if (policyError) throw new CognitoError("InvalidPasswordException", policyError);
  return standIn.core.call("AdminSetUserPassword", { ...body, Username: user.Username, Permanent: !!body.Permanent });
}

/** Registered in API_TARGETS. */
export const ADMIN_TARGETS = {
  ListUsers: listUsers,
  ListUsersInGroup: listUsersInGroup,
  AdminListGroupsForUser: adminListGroupsForUser,
  AdminAddUserToGroup: (standIn: StandIn, raw: unknown) => changeMembership(standIn, raw, "add"),
  AdminRemoveUserFromGroup: (standIn: StandIn, raw: unknown) => changeMembership(standIn, raw, "remove"),
  AdminDisableUser: (standIn: StandIn, raw: unknown) => setEnabled(standIn, raw, false),
  AdminEnableUser: (standIn: StandIn, raw: unknown) => setEnabled(standIn, raw, true),
  AdminSetUserPassword: adminSetUserPassword,
};
