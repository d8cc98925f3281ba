import { randomUUID } from "node:crypto";
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  GetUserCommand,
  InitiateAuthCommand,
  type CognitoIdentityProviderClient,
} from "@aws-sdk/client-cognito-identity-provider";
import { secretHash } from "@/cognito/client-auth";
import { jwtPayload, type Harness } from "@/lib/testing/cognito-stand-in";

export type TestUser = { email: string; password: string };
export type TestSession = { accessToken: string; idToken: string; refreshToken: string };

/**
 * Users and sign-ins for the stand-in's own tests, through the SDK as the app calls it. `context` is read at each
 * call, so a test file can pass the harness and client it starts in `beforeAll`.
 */
export function cognitoSessions(context: () => { h: Harness; cognito: CognitoIdentityProviderClient }) {
  /** A user of one test, so signing out everywhere touches nobody else. */
  async function createUser(): Promise<TestUser> {
    const { h, cognito } = context();
    const user = { email: `so-${randomUUID().slice(0, 8)}@example.com`, password: "Sign#Out1x" };
    await cognito.send(
      new AdminCreateUserCommand({ UserPoolId: h.userPoolId, Username: user.email, MessageAction: "SUPPRESS" }),
    );
    await cognito.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: h.userPoolId,
        Username: user.email,
        Password: user.password,
        Permanent: true,
      }),
    );
    return user;
  }

  async function passwordSignIn(user: TestUser): Promise<TestSession> {
    const { h, cognito } = context();
    const { AuthenticationResult: r } = await cognito.send(
      new InitiateAuthCommand({
        AuthFlow: "USER_PASSWORD_AUTH",
        ClientId: h.clientId,
        AuthParameters: {
          USERNAME: user.email,
          PASSWORD: user.password,
          SECRET_HASH: secretHash(h.clientSecret, user.email, h.clientId),
        },
      }),
    );
    return { accessToken: r?.AccessToken ?? "", idToken: r?.IdToken ?? "", refreshToken: r?.RefreshToken ?? "" };
  }

  function refresh(session: TestSession) {
    const { h, cognito } = context();
    const username = String(jwtPayload(session.accessToken).username);
    return cognito.send(
      new InitiateAuthCommand({
        AuthFlow: "REFRESH_TOKEN_AUTH",
        ClientId: h.clientId,
        AuthParameters: {
          REFRESH_TOKEN: session.refreshToken,
          SECRET_HASH: secretHash(h.clientSecret, username, h.clientId),
        },
      }),
    );
  }

  const getUser = (accessToken: string) => context().cognito.send(new GetUserCommand({ AccessToken: accessToken }));

  return { createUser, passwordSignIn, refresh, getUser };
}
