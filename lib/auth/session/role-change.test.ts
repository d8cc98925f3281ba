// A changed role takes effect at the next request: through a real stand-in, the app's session code and PGlite.
import {
  AdminAddUserToGroupCommand,
  AdminDisableUserCommand,
  AdminUserGlobalSignOutCommand,
  type CognitoIdentityProviderClient,
} from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createCognitoClient } from "@/cognito/seed";
import { createCookieJar } from "@/lib/testing/cookie-jar";
import { cognitoSessions, type TestUser } from "@/lib/testing/cognito-sessions";
import { jwtPayload, startSeeded, type Harness } from "@/lib/testing/cognito-stand-in";
import { setInProcessAppEnv } from "@/lib/testing/in-process-env";

const jar = createCookieJar();
vi.mock("next/headers", () => ({
  cookies: async () => jar,
  headers: async () => new Headers({ "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0" }),
}));

const { signInWithPassword } = await import("@/lib/auth/cognito-api");
const { getCurrentUser } = await import("@/lib/auth/current-user");
const { refreshSession } = await import("@/lib/auth/session/refresh");
const { savePasswordSession } = await import("@/lib/auth/session/stored-session");
const { requireUserRefresh, registerSession } = await import("@/lib/auth/session/app-registry");
const { findSession } = await import("@/lib/auth/session/registry");
const { renewIfStale } = await import("@/lib/auth/next-auth");
const { verifyAccessToken } = await import("@/lib/auth/token/access-token");
const { authenticateBearer } = await import("@/lib/auth/token/bearer");
const { getReadyDb } = await import("@/lib/db/migrate");
const { getEnv } = await import("@/lib/env");

const PORT = 9442;
let h: Harness;
let cognito: CognitoIdentityProviderClient;
const { createUser } = cognitoSessions(() => ({ h, cognito }));

beforeAll(async () => {
  h = await startSeeded(PORT);
  cognito = createCognitoClient(h.url);
  setInProcessAppEnv("http://127.0.0.1:9", {
    COGNITO_LOCAL_URL: h.url,
    COGNITO_USER_POOL_ID: h.userPoolId,
    COGNITO_CLIENT_ID: h.clientId,
    COGNITO_CLIENT_SECRET: h.clientSecret,
  });
});
afterAll(async () => {
  cognito?.destroy();
  await h?.stop();
});
beforeEach(() => jar.clear());

const addToGroup = (user: TestUser, group: string) =>
  cognito.send(new AdminAddUserToGroupCommand({ UserPoolId: h.userPoolId, Username: user.email, GroupName: group }));

async function signedInUser() {
  const resolution = await getCurrentUser();
  if (resolution.status !== "signed-in") throw new Error(`expected a signed-in user, got ${resolution.status}`);
  return resolution.user;
}

/** A direct (email + password) session, signed in through the app's own code into the cookie jar. */
async function passwordSession(user: TestUser) {
  const result = await signInWithPassword(getEnv().cognito, user.email, user.password);
  if (result.status !== "signed-in") throw new Error(`sign-in answered ${result.status}`);
  await savePasswordSession(result.tokens, user.email);
  return signedInUser();
}

async function storedPasswordSession() {
  const { passwordSessionCookie } = await import("@/lib/auth/session/password-cookies");
  return passwordSessionCookie.read();
}

async function markOf(sessionId: string | undefined) {
  return (await findSession(await getReadyDb(), sessionId ?? ""))?.refreshRequiredAt;
}

describe("password sessions", () => {
  it("refresh at the next request after the mark, and the new token carries the new group", async () => {
    const user = await createUser();
    const before = await passwordSession(user);
    expect(before.groups).toEqual([]);
    await addToGroup(user, "admin");
    // Without a mark the old token stands: groups come from the token.
    expect((await signedInUser()).groups).toEqual([]);
    expect(await requireUserRefresh(before.sub)).toBe(1);
    expect(await getCurrentUser()).toEqual({ status: "expired" });
    expect(await refreshSession()).toMatchObject({ status: "refreshed", kind: "password" });
    const after = await signedInUser();
    expect(after.groups).toEqual(["admin"]);
    expect(after.sessionId).toBe(before.sessionId);
    expect(await markOf(after.sessionId)).toBeNull();
  });

  it("end when Cognito refuses the refresh of a disabled user", async () => {
    const user = await createUser();
    const { sub } = await passwordSession(user);
    await cognito.send(new AdminDisableUserCommand({ UserPoolId: h.userPoolId, Username: user.email }));
    await requireUserRefresh(sub);
    const { sessionId } = (await storedPasswordSession()) ?? {};
    expect(await getCurrentUser()).toEqual({ status: "expired" });
    expect(await refreshSession()).toEqual({ status: "rejected" });
    // The registry row ends with it, so the sessions page stops listing it.
    expect((await findSession(await getReadyDb(), sessionId ?? ""))?.revokedAt).toEqual(expect.any(Date));
  });

  it("end when the user was signed out globally", async () => {
    const user = await createUser();
    const { sub } = await passwordSession(user);
    await cognito.send(new AdminUserGlobalSignOutCommand({ UserPoolId: h.userPoolId, Username: user.email }));
    await requireUserRefresh(sub);
    expect(await refreshSession()).toEqual({ status: "rejected" });
  });
});

describe("Hosted UI sessions (next-auth's jwt callback)", () => {
  async function hostedUiToken(user: TestUser) {
    const result = await signInWithPassword(getEnv().cognito, user.email, user.password);
    if (result.status !== "signed-in") throw new Error(`sign-in answered ${result.status}`);
    const claims = await verifyAccessToken(result.tokens.accessToken, getEnv().cognito);
    const sessionId = await registerSession("hosted-ui", claims, user.email);
    const { accessToken, refreshToken } = result.tokens;
    return { sub: claims.sub, sessionId, accessToken, refreshToken, expiresAt: claims.exp, username: claims.username };
  }

  it("keep a fresh unmarked token, and renew a marked one with the new group, clearing the mark", async () => {
    const user = await createUser();
    const token = await hostedUiToken(user);
    expect(await renewIfStale(token, getEnv().cognito)).toBe(token);
    await addToGroup(user, "user");
    await requireUserRefresh(token.sub);
    const renewed = await renewIfStale(token, getEnv().cognito);
    expect(renewed.accessToken).not.toBe(token.accessToken);
    expect(jwtPayload(renewed.accessToken ?? "")["cognito:groups"]).toEqual(["user"]);
    expect(await markOf(token.sessionId)).toBeNull();
    expect(await renewIfStale(renewed, getEnv().cognito)).toBe(renewed);
  });

  it("throw (next-auth then clears its cookie) when the marked user is disabled", async () => {
    const user = await createUser();
    const token = await hostedUiToken(user);
    await cognito.send(new AdminDisableUserCommand({ UserPoolId: h.userPoolId, Username: user.email }));
    await requireUserRefresh(token.sub);
    await expect(renewIfStale(token, getEnv().cognito)).rejects.toMatchObject({ name: "RefreshRejectedError" });
    expect((await findSession(await getReadyDb(), token.sessionId))?.revokedAt).toEqual(expect.any(Date));
  });
});

describe("Bearer tokens", () => {
  const bearer = (token: string) =>
    authenticateBearer(
      new Request("http://localhost:3999/api/contacts", { headers: { authorization: `Bearer ${token}` } }),
    );

  async function accessTokenOf(user: TestUser) {
    const result = await signInWithPassword(getEnv().cognito, user.email, user.password);
    if (result.status !== "signed-in") throw new Error(`sign-in answered ${result.status}`);
    return result.tokens.accessToken;
  }

  it("are refused once issued before the user's newest mark, also without any session here", async () => {
    const user = await createUser();
    const old = await accessTokenOf(user);
    expect(await bearer(old)).toMatchObject({ status: "signed-in", user: { groups: [] } });
    await addToGroup(user, "admin");
    expect(await requireUserRefresh(String(jwtPayload(old).sub))).toBe(0);
    expect(await bearer(old)).toEqual({ status: "expired" });
    // iat has whole seconds: a token from the mark's own second still counts as older.
    await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 10));
    const fresh = await accessTokenOf(user);
    expect(await bearer(fresh)).toMatchObject({ status: "signed-in", user: { groups: ["admin"] } });
  });
});
