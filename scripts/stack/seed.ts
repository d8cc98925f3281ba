import { demoUsers, seed } from "@/cognito/seed";
import type { DemoUser } from "@/scripts/stack/banner";
import type { StackProfile } from "@/scripts/stack/profiles";

export type StandInEnv = {
  COGNITO_USER_POOL_ID: string;
  COGNITO_CLIENT_ID: string;
  COGNITO_CLIENT_SECRET: string;
  COGNITO_LOCAL_URL: string;
};

/**
 * Seeds the running stand-in (idempotent: pool, app client, groups, demo users). The seed also writes
 * `<stateDir>/local.env`, which the end-to-end tests read to talk to the stand-in directly.
 */
export async function seedStandIn(profile: StackProfile): Promise<StandInEnv> {
  const endpoint = `http://127.0.0.1:${profile.cognitoPort}`;
  const appUrls = [`http://localhost:${profile.appPort}`, ...(profile.extraAppUrls ?? [])];
  const result = await seed({
    endpoint,
    stateDir: profile.stateDir,
    appUrls,
    log: (line) => console.log(`[seed] ${line}`),
  });
  return {
    COGNITO_USER_POOL_ID: result.userPoolId,
    COGNITO_CLIENT_ID: result.clientId,
    COGNITO_CLIENT_SECRET: result.clientSecret,
    COGNITO_LOCAL_URL: endpoint,
  };
}

/** The seeded accounts, for the start-up banner. */
export function demoAccounts(): DemoUser[] {
  return demoUsers.map(({ email, password, note }) => ({ email, password, note }));
}
