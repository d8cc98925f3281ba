import { z } from "zod";
import seedJson from "@/cognito/seed.json";

const SeedUser = z.object({
  email: z.string().email(),
  password: z.string().min(8),
  group: z.string().nullable(),
  /** Only a temporary password: the user must set a new one at first sign-in (NEW_PASSWORD_REQUIRED). */
  temporary: z.boolean().default(false),
  note: z.string(),
});

const SeedFile = z.object({
  // Passed as-is to CreateUserPool / CreateUserPoolClient, as the AWS CLI would with --cli-input-json.
  userPool: z.looseObject({ PoolName: z.string() }),
  appClient: z.looseObject({ ClientName: z.string() }),
  groups: z.array(z.object({ GroupName: z.string(), Description: z.string().optional() })),
  users: z.array(SeedUser),
});

export type SeedFile = z.infer<typeof SeedFile>;
export type DemoUser = z.infer<typeof SeedUser>;

export const seedData: SeedFile = SeedFile.parse(seedJson);

/** The demo accounts (email, password, group, note), for the stack runner's banner. */
export const demoUsers: readonly DemoUser[] = seedData.users;
