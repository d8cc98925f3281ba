import { randomBytes, randomInt } from "node:crypto";
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  type CognitoIdentityProviderClient,
} from "@aws-sdk/client-cognito-identity-provider";
import { seedData } from "@/cognito/seed-data";
import type { DemoUserWanted, PlanEntry } from "@/scripts/provision/plan";

/** The demo users of cognito/seed.json; in a real account their passwords are generated, never seed.json's. */
export type DemoUser = DemoUserWanted & { temporary: boolean; note: string };

export const DEMO_USERS: readonly DemoUser[] = seedData.users.map((user) => ({
  email: user.email,
  group: user.group,
  temporary: user.temporary,
  note: user.note,
}));

export type CreatedUser = { email: string; password: string; temporary: boolean; note: string };

const SYMBOLS = "#%+=@^";

/** 24 random characters plus one of each class the password policy requires, shuffled. */
export function generatePassword(): string {
  const chars = [...randomBytes(18).toString("base64url"), "A", "z", "7", SYMBOLS[randomInt(SYMBOLS.length)] ?? "#"];
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] ?? "", chars[i] ?? ""];
  }
  return chars.join("");
}

/** Creates the users the plan says are missing and adds missing group links; existing passwords are left alone. */
export async function applyDemoUsers(
  cognito: CognitoIdentityProviderClient,
  userPoolId: string,
  entries: readonly PlanEntry[],
): Promise<CreatedUser[]> {
  const created: CreatedUser[] = [];
  for (const user of DEMO_USERS) {
    const action = entries.find((e) => e.resource === "user" && e.name === user.email)?.action;
    if (!action || action === "unchanged") continue;
    const ids = { UserPoolId: userPoolId, Username: user.email };
    if (action === "create") {
      const password = generatePassword();
      await cognito.send(
        new AdminCreateUserCommand({
          ...ids,
          UserAttributes: [
            { Name: "email", Value: user.email },
            { Name: "email_verified", Value: "true" },
          ],
          // The password is shown here once; Cognito must not email its own invitation as well.
          MessageAction: "SUPPRESS",
          TemporaryPassword: user.temporary ? password : generatePassword(),
        }),
      );
      if (!user.temporary) {
        await cognito.send(new AdminSetUserPasswordCommand({ ...ids, Password: password, Permanent: true }));
      }
      created.push({ email: user.email, password, temporary: user.temporary, note: user.note });
    }
    if (user.group) await cognito.send(new AdminAddUserToGroupCommand({ ...ids, GroupName: user.group }));
  }
  return created;
}
