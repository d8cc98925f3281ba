import "server-only";
import { AdminGetUserCommand } from "@aws-sdk/client-cognito-identity-provider";
import { demoUsers, type DemoUser } from "@/cognito/seed-data";
import { callCognito } from "@/lib/auth/cognito-api";
import type { CognitoSettings } from "@/lib/env";

/** A demo account as the local sign-in page lists it; `password` is left out once it no longer works. */
export type DemoAccount = {
  email: string;
  password: string | undefined;
  can: string;
  /** Only for an account seeded with a temporary password: has it been replaced since? ("unknown": could not ask). */
  temporary?: "still-temporary" | "changed" | "unknown";
};

const CAN_BY_GROUP: Record<string, string> = {
  admin: "Admin: reads, edits and deletes every contact, private ones too.",
  user: "User: reads public contacts and their own; edits and deletes only their own.",
};
const NO_GROUP = "No group, so no roles: Cerbos allows nothing, and the list stays empty.";

/** Asks the stand-in (under COGNITO_TIMEOUT_MS) whether the seeded temporary password is still the one to use. */
async function temporaryPasswordState(cognito: CognitoSettings, email: string): Promise<DemoAccount["temporary"]> {
  try {
    const user = await callCognito(cognito, "AdminGetUser", (client, options) =>
      client.send(new AdminGetUserCommand({ UserPoolId: cognito.userPoolId, Username: email }), options),
    );
    return user.UserStatus === "FORCE_CHANGE_PASSWORD" ? "still-temporary" : "changed";
  } catch (error) {
    // The page must render whatever happens here: the list then just cannot tell.
    console.warn(`[auth] could not ask the stand-in about ${email}: ${(error as Error).name}`);
    return "unknown";
  }
}

async function toAccount(cognito: CognitoSettings, user: DemoUser): Promise<DemoAccount> {
  const can = (user.group && CAN_BY_GROUP[user.group]) || NO_GROUP;
  if (!user.temporary) return { email: user.email, password: user.password, can };
  const temporary = await temporaryPasswordState(cognito, user.email);
  if (temporary === "changed") return { email: user.email, password: undefined, can, temporary };
  return { email: user.email, password: user.password, can: `${can} Sets a new password at first sign-in.`, temporary };
}

/**
 * The stand-in's seeded accounts (cognito/seed.json, public in the repository) for the sign-in page: only in local
 * mode. Against real Cognito there is no such list, and nothing is asked.
 */
export async function listDemoAccounts(cognito: CognitoSettings): Promise<DemoAccount[] | null> {
  if (cognito.mode !== "local") return null;
  return Promise.all(demoUsers.map((user) => toAccount(cognito, user)));
}
