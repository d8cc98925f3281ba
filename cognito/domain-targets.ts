import { z } from "zod";
import { InvalidParameterError, UnsupportedError } from "cognito-local/lib/errors.js";
import type { UserPool } from "cognito-local/lib/services/userPoolService.js";
import { savePoolOptions } from "@/cognito/pool-targets";
import type { StandIn } from "@/cognito/stand-in";

/**
 * The Hosted UI (managed login) prefix domain, which cognito-local lacks. The stand-in serves its Hosted UI on its
 * own URL whatever the domain; these calls only keep Cognito's bookkeeping: one domain per pool, each prefix used
 * once, the domain shown by DescribeUserPool, and a pool with a domain refused by DeleteUserPool (pool-targets.ts).
 */

// Cognito's own constraint on a prefix (API reference, DescribeUserPoolDomain).
const DOMAIN_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const DomainBody = z.looseObject({ Domain: z.string() });
const PoolDomainBody = z.looseObject({
  Domain: z.string(),
  UserPoolId: z.string().min(1),
  CustomDomainConfig: z.unknown().optional(),
  ManagedLoginVersion: z.number().int().optional(),
});

/** The managed-login version is not part of cognito-local's pool type: kept beside Domain in the pool's options. */
type DomainPool = UserPool & { ManagedLoginVersion?: number };

function parseDomain<T extends { Domain: string }>(schema: z.ZodType<T>, raw: unknown): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new InvalidParameterError("Missing required parameter Domain or UserPoolId");
  const { Domain } = parsed.data;
  if (!DOMAIN_PATTERN.test(Domain)) {
    throw new InvalidParameterError(
      `1 validation error detected: Value '${Domain}' at 'domain' failed to satisfy constraint: Member must satisfy regular expression pattern: ${DOMAIN_PATTERN.source}`,
    );
  }
  return parsed.data;
}

async function poolWithDomain(standIn: StandIn, domain: string): Promise<DomainPool | undefined> {
  const { core } = standIn;
  const pools = (await core.services.cognito.listUserPools(core.ctx)) as DomainPool[];
  return pools.find((pool) => pool.Domain === domain);
}

async function createUserPoolDomain(standIn: StandIn, raw: unknown): Promise<unknown> {
  const body = parseDomain(PoolDomainBody, raw);
  if (body.CustomDomainConfig !== undefined) throw new UnsupportedError("CreateUserPoolDomain with a custom domain");
  const { core } = standIn;
  const pool = await core.services.cognito.getUserPool(core.ctx, body.UserPoolId);
  if (await poolWithDomain(standIn, body.Domain)) {
    throw new InvalidParameterError("Domain already associated with another user pool.");
  }
  if (pool.options.Domain) throw new InvalidParameterError("User pool already has a domain configured.");
  const version = body.ManagedLoginVersion ?? 1;
  await savePoolOptions(standIn, body.UserPoolId, { Domain: body.Domain, ManagedLoginVersion: version } as DomainPool);
  return { ManagedLoginVersion: version };
}

/** An unknown domain is not an error: Cognito answers an empty description. */
async function describeUserPoolDomain(standIn: StandIn, raw: unknown): Promise<unknown> {
  const body = parseDomain(DomainBody, raw);
  const pool = await poolWithDomain(standIn, body.Domain);
  if (!pool) return { DomainDescription: {} };
  return {
    DomainDescription: {
      UserPoolId: pool.Id,
      AWSAccountId: pool.Arn?.split(":")[4] ?? "local",
      Domain: body.Domain,
      Status: "ACTIVE",
      ManagedLoginVersion: pool.ManagedLoginVersion ?? 1,
    },
  };
}

async function deleteUserPoolDomain(standIn: StandIn, raw: unknown): Promise<unknown> {
  const body = parseDomain(PoolDomainBody, raw);
  const pool = await poolWithDomain(standIn, body.Domain);
  if (!pool || pool.Id !== body.UserPoolId) throw new InvalidParameterError("No such domain or user pool exists.");
  await savePoolOptions(standIn, pool.Id, { Domain: undefined, ManagedLoginVersion: undefined } as DomainPool);
  return {};
}

/** Registered in API_TARGETS. */
export const DOMAIN_TARGETS = {
  CreateUserPoolDomain: createUserPoolDomain,
  DescribeUserPoolDomain: describeUserPoolDomain,
  DeleteUserPoolDomain: deleteUserPoolDomain,
};
