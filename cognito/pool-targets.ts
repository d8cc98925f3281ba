import { z } from "zod";
import { CognitoError, InvalidParameterError } from "cognito-local/lib/errors.js";
import type { UserPool } from "cognito-local/lib/services/userPoolService.js";
import type { StandIn } from "@/cognito/stand-in";

/**
 * User-pool calls where cognito-local drops what Cognito keeps: it stores no DeletionProtection (so a protected pool
 * could be deleted), and it deletes a pool that still has a Hosted UI domain. Both refusals carry Cognito's own words.
 */

const DELETION_PROTECTION = z.enum(["ACTIVE", "INACTIVE"]);
const PoolBody = z.looseObject({ UserPoolId: z.string().min(1) });
const ProtectionBody = z.looseObject({ DeletionProtection: DELETION_PROTECTION.optional() });
const GroupBody = z.looseObject({ UserPoolId: z.string().min(1), GroupName: z.string().min(1) });

export const PROTECTED_MESSAGE =
  "The user pool cannot be deleted because deletion protection is activated. Deletion protection must be inactivated first.";
export const HAS_DOMAIN_MESSAGE =
  "User pool cannot be deleted. It has a domain configured that should be deleted first.";

type PoolResponse = { UserPool?: { Id?: string } & Record<string, unknown> };

function protectionOf(raw: unknown): "ACTIVE" | "INACTIVE" {
  const parsed = ProtectionBody.safeParse(raw);
  if (!parsed.success) throw new InvalidParameterError("DeletionProtection must be ACTIVE or INACTIVE");
  // Cognito's default for CreateUserPool, and what UpdateUserPool resets an omitted setting to.
  return parsed.data.DeletionProtection ?? "INACTIVE";
}

async function savePoolOptions(standIn: StandIn, poolId: string, change: Partial<UserPool>): Promise<UserPool> {
  const { core } = standIn;
  const pool = await core.services.cognito.getUserPool(core.ctx, poolId);
  const options = { ...pool.options, ...change };
  await pool.updateOptions(core.ctx, options);
  return options;
}

async function createUserPool(standIn: StandIn, raw: unknown): Promise<unknown> {
  const protection = protectionOf(raw);
  const created = (await standIn.core.call("CreateUserPool", raw as object)) as PoolResponse;
  const id = created.UserPool?.Id;
  if (!id) return created;
  await savePoolOptions(standIn, id, { DeletionProtection: protection });
  return { UserPool: { ...created.UserPool, DeletionProtection: protection } };
}

async function updateUserPool(standIn: StandIn, raw: unknown): Promise<unknown> {
  const protection = protectionOf(raw);
  const body = PoolBody.safeParse(raw);
  if (!body.success) return standIn.core.call("UpdateUserPool", raw as object);
  const result = await standIn.core.call("UpdateUserPool", body.data);
  await savePoolOptions(standIn, body.data.UserPoolId, { DeletionProtection: protection });
  return result;
}

async function describeUserPool(standIn: StandIn, raw: unknown): Promise<unknown> {
  const described = (await standIn.core.call("DescribeUserPool", raw as object)) as PoolResponse;
  const body = PoolBody.parse(raw);
  const { core } = standIn;
  const { options } = await core.services.cognito.getUserPool(core.ctx, body.UserPoolId);
  return { UserPool: { ...described.UserPool, DeletionProtection: options.DeletionProtection ?? "INACTIVE" } };
}

async function deleteUserPool(standIn: StandIn, raw: unknown): Promise<unknown> {
  const body = PoolBody.safeParse(raw);
  if (!body.success) return standIn.core.call("DeleteUserPool", raw as object);
  const { core } = standIn;
  const { options } = await core.services.cognito.getUserPool(core.ctx, body.data.UserPoolId);
  if (options.DeletionProtection === "ACTIVE") throw new InvalidParameterError(PROTECTED_MESSAGE);
  if (options.Domain) throw new InvalidParameterError(HAS_DOMAIN_MESSAGE);
  return core.call("DeleteUserPool", body.data);
}

/** cognito-local overwrites an existing group (and its members) on CreateGroup; Cognito refuses. */
async function createGroup(standIn: StandIn, raw: unknown): Promise<unknown> {
  const body = GroupBody.safeParse(raw);
  if (body.success) {
    const { core } = standIn;
    const pool = await core.services.cognito.getUserPool(core.ctx, body.data.UserPoolId);
    const groups = await pool.listGroups(core.ctx);
    if (groups.some((group) => group.GroupName === body.data.GroupName)) {
      throw new CognitoError("GroupExistsException", `A group with the name ${body.data.GroupName} already exists.`);
    }
  }
  return standIn.core.call("CreateGroup", raw as object);
}

/** Registered in API_TARGETS. */
export const POOL_TARGETS = {
  CreateUserPool: createUserPool,
  UpdateUserPool: updateUserPool,
  DescribeUserPool: describeUserPool,
  DeleteUserPool: deleteUserPool,
  CreateGroup: createGroup,
};

export { savePoolOptions };
