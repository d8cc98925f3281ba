/**
 * Where `npm run db:seed` takes the owners' Cognito subs from. They exist only once the stand-in has created the
 * users, so they are either given (SEED_OWNERS) or asked of the stand-in the app is configured for. Pure, so
 * lib/env.ts can call it without pulling the AWS SDK into every bundle that reads the environment.
 */

export type SeedOwnerSource =
  { kind: "json"; json: string } | { kind: "stand-in"; endpoint: string; userPoolId: string };

export class SeedOwnersError extends Error {
  override name = "SeedOwnersError";
}

export function seedOwnerSourceFromEnv(env: Record<string, string | undefined>): SeedOwnerSource {
  if (env.SEED_OWNERS?.trim()) return { kind: "json", json: env.SEED_OWNERS };
  if (env.COGNITO_LOCAL_URL && env.COGNITO_USER_POOL_ID) {
    return { kind: "stand-in", endpoint: env.COGNITO_LOCAL_URL, userPoolId: env.COGNITO_USER_POOL_ID };
  }
  throw new SeedOwnersError(
    'Set SEED_OWNERS (JSON: [{"email":"…","sub":"…"}]) or COGNITO_LOCAL_URL and COGNITO_USER_POOL_ID of a running stand-in',
  );
}
