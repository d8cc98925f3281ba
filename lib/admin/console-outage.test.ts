// Integration: the console when Cognito or the PDP fails. The app reaches the real stand-in and the real PDP through
// TCP proxies that can hold back every byte (accept, never answer) or delay it past the deadline; the pool's state is
// read back from the stand-in directly, and the admin_actions and sessions rows from the in-memory PGlite.
import { AdminGetUserCommand, AdminListGroupsForUserCommand } from "@aws-sdk/client-cognito-identity-provider";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { runUserAction } from "@/lib/admin/user-mutation";
import { loadUsersView } from "@/lib/admin/users-view";
import { CognitoUnavailableError } from "@/lib/auth/cognito-api";
import { createSession } from "@/lib/auth/session/registry";
import { AuthorizationUnavailableError } from "@/lib/authz/cerbos-client";
import { closeDatabase } from "@/lib/db/client";
import { getReadyDb } from "@/lib/db/migrate";
import { adminActions, sessions } from "@/lib/db/schema";
import { getEnv } from "@/lib/env";
import { type ConsoleStack, createPoolUser, identityOf, startConsoleStack, subOf } from "@/lib/testing/admin-console";
import { type ProxyMode, startTcpProxy, type TcpProxy } from "@/lib/testing/tcp-proxy";

const PDP_PORTS: [number, number] = [3832, 3833];
const STAND_IN_PORT = 9461;
const TIMEOUT_MS = 300;
// Far above the deadline and far below a hang (the SDK alone would wait minutes): proves the abort, not a speed.
const BOUND_MS = 5_000;
const BLACK_HOLE: ProxyMode = { kind: "black-hole" };
const TOO_SLOW: ProxyMode = { kind: "delay", ms: 3_000 };

let stack: ConsoleStack;
let cognitoProxy: TcpProxy;
let pdpProxy: TcpProxy;
let admin: ReturnType<typeof identityOf>;

beforeAll(async () => {
  cognitoProxy = await startTcpProxy({ host: "127.0.0.1", port: STAND_IN_PORT }, { port: 9471 });
  pdpProxy = await startTcpProxy({ host: "127.0.0.1", port: PDP_PORTS[0] }, { port: 9472 });
  stack = await startConsoleStack(
    { pdp: PDP_PORTS, standIn: STAND_IN_PORT },
    {
      COGNITO_API_ENDPOINT: cognitoProxy.url,
      COGNITO_TIMEOUT_MS: String(TIMEOUT_MS),
      CERBOS_URL: pdpProxy.url,
      CERBOS_TIMEOUT_MS: String(TIMEOUT_MS),
    },
  );
  admin = identityOf(await subOf(stack, "admin@example.com"), "admin@example.com", ["admin"]);
});

afterEach(() => {
  cognitoProxy.setMode({ kind: "pass" });
  pdpProxy.setMode({ kind: "pass" });
});

afterAll(async () => {
  await closeDatabase();
  await stack?.stop();
  await Promise.all([cognitoProxy?.close(), pdpProxy?.close()]);
});

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; outcome: PromiseSettledResult<T> }> {
  const started = performance.now();
  const [outcome] = await Promise.allSettled([run()]);
  return { ms: performance.now() - started, outcome: outcome! };
}

function rejection(outcome: PromiseSettledResult<unknown>): unknown {
  expect(outcome.status).toBe("rejected");
  return (outcome as PromiseRejectedResult).reason;
}

/** A user in the user group with an open session: what an action would change, and how to see it did not. */
async function targetWithSession() {
  const target = await createPoolUser(stack, ["user"]);
  const input = { sub: target.sub, method: "password" as const, userAgent: "test", originJti: undefined };
  const session = await createSession(await getReadyDb(), input, getEnv().sessionTimeouts);
  return { ...target, sessionId: session.id };
}

/** Nothing changed: same groups, still enabled, the session neither marked nor revoked, no "done" recorded. */
async function expectUnchanged(target: Awaited<ReturnType<typeof targetWithSession>>, reason: string, tries: number) {
  const UserPoolId = stack.h.userPoolId;
  const [user, groups] = await Promise.all([
    stack.cognito.send(new AdminGetUserCommand({ UserPoolId, Username: target.sub })),
    stack.cognito.send(new AdminListGroupsForUserCommand({ UserPoolId, Username: target.sub })),
  ]);
  expect(user.Enabled).toBe(true);
  expect((groups.Groups ?? []).map((group) => group.GroupName)).toEqual(["user"]);
  const db = await getReadyDb();
  const [session] = await db.select().from(sessions).where(eq(sessions.id, target.sessionId));
  expect(session).toMatchObject({ refreshRequiredAt: null, revokedAt: null });
  // Every attempt is recorded (issue 10: who tried what on whom), as failed, never as done.
  const rows = await db.select().from(adminActions).where(eq(adminActions.targetSub, target.sub));
  const failed = ["failed", `${reason} unavailable; nothing was changed`];
  expect(rows.map((row) => [row.outcome, row.detail])).toEqual(Array.from({ length: tries }, () => failed));
}

describe.each([
  ["never answers", BLACK_HOLE],
  ["answers too slowly", TOO_SLOW],
])("a Cognito that %s", (_, mode) => {
  it("fails the users view with CognitoUnavailableError at the deadline", async () => {
    expect(await loadUsersView(admin, { q: "" })).toMatchObject({ status: "ok" });
    cognitoProxy.setMode(mode);
    const { ms, outcome } = await timed(() => loadUsersView(admin, { q: "" }));
    expect(rejection(outcome)).toBeInstanceOf(CognitoUnavailableError);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it("makes every action unavailable, and changes nothing", async () => {
    const target = await targetWithSession();
    cognitoProxy.setMode(mode);
    const actions = ["add_admin", "remove_user", "disable", "reset_password"];
    for (const action of actions) {
      const { ms, outcome } = await timed(() => runUserAction(admin, { sub: target.sub, action }));
      expect(outcome).toEqual({ status: "fulfilled", value: { status: "unavailable", reason: "cognito" } });
      expect(ms).toBeLessThan(BOUND_MS);
    }
    cognitoProxy.setMode({ kind: "pass" });
    await expectUnchanged(target, "cognito", actions.length);
  });
});

describe("a PDP that never answers, then one that is down", () => {
  it("fails the view with AuthorizationUnavailableError, and every action is unavailable and changes nothing", async () => {
    const target = await targetWithSession();
    for (const outage of [() => pdpProxy.setMode(BLACK_HOLE), () => stack.pdp.stop()]) {
      await outage();
      const { ms, outcome } = await timed(() => loadUsersView(admin, { q: "" }));
      expect(rejection(outcome)).toBeInstanceOf(AuthorizationUnavailableError);
      expect(ms).toBeLessThan(BOUND_MS);
      for (const action of ["add_admin", "disable"]) {
        const result = await runUserAction(admin, { sub: target.sub, action });
        expect(result).toEqual({ status: "unavailable", reason: "cerbos" });
      }
      pdpProxy.setMode({ kind: "pass" });
    }
    await expectUnchanged(target, "cerbos", 4);
  });
});
