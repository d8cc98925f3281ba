import {
  CognitoIdentityProviderClient,
  ListUsersCommand,
  type UserType,
} from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import type { SeedOwner } from "@/lib/db/generate-contacts";
import { type SeedOwnerSource, SeedOwnersError } from "@/lib/db/seed-owner-source";

export { type SeedOwnerSource, SeedOwnersError } from "@/lib/db/seed-owner-source";

const seedOwnersSchema = z
  .array(z.object({ email: z.string().min(1), sub: z.string().min(1) }))
  .min(1, "must list at least one owner");

export function parseSeedOwners(json: string): SeedOwner[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new SeedOwnersError("SEED_OWNERS: not valid JSON");
  }
  const parsed = seedOwnersSchema.safeParse(value);
  if (!parsed.success)
    throw new SeedOwnersError(
      `SEED_OWNERS: ${parsed.error.issues.map((i) => [i.path.join("."), i.message].filter(Boolean).join(" ")).join("; ")}`,
    );
  return parsed.data;
}

function ownerFromUser(user: UserType): SeedOwner | undefined {
  const attribute = (name: string) => user.Attributes?.find((a) => a.Name === name)?.Value;
  const sub = attribute("sub");
  const email = attribute("email") ?? user.Username;
  return sub && email ? { email, sub } : undefined;
}

async function listStandInOwners(endpoint: string, userPoolId: string): Promise<SeedOwner[]> {
  // The stand-in accepts any credentials; the SDK only insists that some exist.
  const cognito = new CognitoIdentityProviderClient({
    endpoint,
    region: "local",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  const owners: SeedOwner[] = [];
  let token: string | undefined;
  try {
    do {
      const page = await cognito.send(new ListUsersCommand({ UserPoolId: userPoolId, PaginationToken: token }));
      owners.push(...(page.Users ?? []).map(ownerFromUser).filter((owner) => owner !== undefined));
      token = page.PaginationToken;
    } while (token);
  } finally {
    cognito.destroy();
  }
  if (owners.length === 0)
    throw new SeedOwnersError(`The stand-in at ${endpoint} has no users in ${userPoolId}: seed Cognito first`);
  return owners;
}

export async function resolveSeedOwners(source: SeedOwnerSource): Promise<SeedOwner[]> {
  return source.kind === "json" ? parseSeedOwners(source.json) : listStandInOwners(source.endpoint, source.userPoolId);
}
