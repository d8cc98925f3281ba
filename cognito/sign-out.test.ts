// Signing out everywhere: GlobalSignOut and AdminUserGlobalSignOut (origin_jti and GetUser: token-origin.test.ts).
import {
  AdminUserGlobalSignOutCommand,
  GlobalSignOutCommand,
  type CognitoIdentityProviderClient,
} from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCognitoClient } from "@/cognito/seed";
import { startSeeded, type Harness } from "@/lib/testing/cognito-stand-in";
import { cognitoSessions, type TestSession } from "@/lib/testing/cognito-sessions";

const PORT = 9407;
let h: Harness;
let cognito: CognitoIdentityProviderClient;

beforeAll(async () => {
  h = await startSeeded(PORT);
  cognito = createCognitoClient(h.url);
});
afterAll(async () => {
  cognito?.destroy();
  await h?.stop();
});

type Session = TestSession;
const { createUser, passwordSignIn, refresh, getUser } = cognitoSessions(() => ({ h, cognito }));

async function expectRefused(promise: Promise<unknown>, message: string): Promise<void> {
  await expect(promise).rejects.toMatchObject({ name: "NotAuthorizedException", message });
}

describe("GlobalSignOut and AdminUserGlobalSignOut", () => {
  async function expectAllEnded(sessions: Session[]): Promise<void> {
    for (const session of sessions) {
      await expectRefused(refresh(session), "Invalid Refresh Token");
      await expectRefused(getUser(session.accessToken), "Access Token has been revoked");
    }
  }

  it("GlobalSignOut ends every session of the user, not other users', and allows a new sign-in", async () => {
    const [user, other] = [await createUser(), await createUser()];
    const sessions = [await passwordSignIn(user), await passwordSignIn(user)];
    const bystander = await passwordSignIn(other);
    await cognito.send(new GlobalSignOutCommand({ AccessToken: sessions[0]?.accessToken }));
    await expectAllEnded(sessions);
    await expectRefused(
      cognito.send(new GlobalSignOutCommand({ AccessToken: sessions[1]?.accessToken })),
      "Access Token has been revoked",
    );
    await expect(refresh(bystander)).resolves.toMatchObject({ AuthenticationResult: expect.any(Object) });
    const again = await passwordSignIn(user);
    await expect(getUser(again.accessToken)).resolves.toMatchObject({ Username: expect.any(String) });
    await expect(refresh(again)).resolves.toMatchObject({ AuthenticationResult: expect.any(Object) });
  });

  it("GlobalSignOut refuses a forged token and changes nothing", async () => {
    const user = await createUser();
    const session = await passwordSignIn(user);
    const [header, payload] = session.accessToken.split(".");
    await expectRefused(
      cognito.send(new GlobalSignOutCommand({ AccessToken: `${header}.${payload}.AAAA` })),
      "Invalid Access Token",
    );
    await expect(refresh(session)).resolves.toMatchObject({ AuthenticationResult: expect.any(Object) });
  });

  it("AdminUserGlobalSignOut ends every session of the user by pool and username (or email)", async () => {
    const user = await createUser();
    const sessions = [await passwordSignIn(user), await passwordSignIn(user)];
    await cognito.send(new AdminUserGlobalSignOutCommand({ UserPoolId: h.userPoolId, Username: user.email }));
    await expectAllEnded(sessions);
    const unknown = cognito.send(
      new AdminUserGlobalSignOutCommand({ UserPoolId: h.userPoolId, Username: "nobody@example.com" }),
    );
    await expect(unknown).rejects.toMatchObject({ name: "UserNotFoundException" });
  });
});
