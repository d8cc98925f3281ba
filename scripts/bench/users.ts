import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  InitiateAuthCommand,
  type CognitoIdentityProviderClient,
} from "@aws-sdk/client-cognito-identity-provider";
import { secretHash } from "@/cognito/client-auth";
import { createCognitoClient, demoUsers } from "@/cognito/seed";
import { jwtPayload, type Harness } from "@/lib/testing/cognito-stand-in";

/** A signed-in user of the stand-in: the Bearer token for the API, and what a session cookie needs. */
export type BenchUser = { email: string; sub: string; accessToken: string; expiresAt: number; username: string };

/** The warm personas: an admin and two members, from the stand-in's own seed. */
export const WARM_PERSONAS = ["admin@example.com", "alice@example.com", "bob@example.com"];
const COLD_PASSWORD = "Bench#Cold1";

async function signIn(cognito: CognitoIdentityProviderClient, h: Harness, email: string, password: string) {
  const { AuthenticationResult: result } = await cognito.send(
    new InitiateAuthCommand({
      AuthFlow: "USER_PASSWORD_AUTH",
      ClientId: h.clientId,
      AuthParameters: {
        USERNAME: email,
        PASSWORD: password,
        SECRET_HASH: secretHash(h.clientSecret, email, h.clientId),
      },
    }),
  );
  const accessToken = result?.AccessToken;
  if (!accessToken) throw new Error(`the stand-in did not sign ${email} in`);
  const claims = jwtPayload(accessToken);
  return {
    email,
    accessToken,
    sub: String(claims.sub),
    username: String(claims.username ?? claims.sub),
    expiresAt: Number(claims.exp),
  };
}

async function createMember(cognito: CognitoIdentityProviderClient, h: Harness, email: string) {
  const ids = { UserPoolId: h.userPoolId, Username: email };
  await cognito.send(new AdminCreateUserCommand({ ...ids, MessageAction: "SUPPRESS" }));
  await cognito.send(new AdminSetUserPasswordCommand({ ...ids, Password: COLD_PASSWORD, Permanent: true }));
  await cognito.send(new AdminAddUserToGroupCommand({ ...ids, GroupName: "user" }));
}

/** Runs `task` over `items`, `width` at a time (the stand-in is one process; a few in flight is plenty). */
async function inBatches<T, R>(items: readonly T[], width: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += width) {
    results.push(...(await Promise.all(items.slice(start, start + width).map(task))));
  }
  return results;
}

/** Signs the warm personas in and creates and signs in `coldCount` distinct members (tokens last an hour). */
export async function prepareUsers(h: Harness, coldCount: number): Promise<{ warm: BenchUser[]; cold: BenchUser[] }> {
  const cognito = createCognitoClient(h.url);
  try {
    const warm = await Promise.all(
      WARM_PERSONAS.map((email) => {
        const persona = demoUsers.find((user) => user.email === email);
        if (!persona) throw new Error(`${email} is not in cognito/seed.json`);
        return signIn(cognito, h, email, persona.password);
      }),
    );
    const emails = Array.from({ length: coldCount }, (_, i) => `cold-${String(i).padStart(4, "0")}@bench.example`);
    const cold = await inBatches(emails, 8, async (email) => {
      await createMember(cognito, h, email);
      return signIn(cognito, h, email, COLD_PASSWORD);
    });
    return { warm, cold };
  } finally {
    cognito.destroy();
  }
}
