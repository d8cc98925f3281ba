// Integration: a console change Cognito made but whose answer never came back (the deadline passed), against the real
// PDP, a real seeded stand-in behind a proxy that drops chosen answers, and an in-memory PGlite. The action cannot
// know whether the change landed, so it must act on the sessions as if it had, and never record "nothing changed".
import { AdminGetUserCommand, AdminListGroupsForUserCommand } from "@aws-sdk/client-cognito-identity-provider";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { runUserAction } from "@/lib/admin/user-mutation";
import { createSession } from "@/lib/auth/session/registry";
import { closeDatabase } from "@/lib/db/client";
import { getReadyDb } from "@/lib/db/migrate";
import { adminActions, sessions } from "@/lib/db/schema";
import { getEnv } from "@/lib/env";
import { type ConsoleStack, createPoolUser, identityOf, startConsoleStack, subOf } from "@/lib/testing/admin-console";
import { type AnswerDroppingProxy, startAnswerDroppingProxy } from "@/lib/testing/answer-dropping-proxy";

const STAND_IN_PORT = 9462;
let stack: ConsoleStack;
let proxy: AnswerDroppingProxy;
let admin: ReturnType<typeof identityOf>;

beforeAll(async () => {
  proxy = await startAnswerDroppingProxy(`http://127.0.0.1:${STAND_IN_PORT}`, 9473);
  const env = { COGNITO_API_ENDPOINT: proxy.url, COGNITO_TIMEOUT_MS: "300" };
  stack = await startConsoleStack({ pdp: [3834, 3835], standIn: STAND_IN_PORT }, env);
  admin = identityOf(await subOf(stack, "admin@example.com"), "admin@example.com", ["admin"]);
});

afterEach(() => proxy.dropAnswersTo([]));

afterAll(async () => {
  await closeDatabase();
  await stack?.stop();
  await proxy?.close();
});

async function withSession(groups: string[]) {
  const target = await createPoolUser(stack, groups);
  const input = { sub: target.sub, method: "password" as const, userAgent: "test", originJti: undefined };
  const session = await createSession(await getReadyDb(), input, getEnv().sessionTimeouts);
  return { ...target, sessionId: session.id };
}

async function sessionOf(id: string) {
  const [row] = await (await getReadyDb()).select().from(sessions).where(eq(sessions.id, id));
  return row;
}

async function recorded(targetSub: string) {
  const db = await getReadyDb();
  const rows = await db.select().from(adminActions).where(eq(adminActions.targetSub, targetSub));
  return rows.map((row) => [row.outcome, row.detail]);
}

describe("a change whose answer from Cognito is lost", () => {
  it("removing the admin role: unavailable, and the user's sessions still refresh to lose it", async () => {
    const target = await withSession(["admin"]);
    proxy.dropAnswersTo(["AdminRemoveUserFromGroup"]);
    const result = await runUserAction(admin, { sub: target.sub, action: "remove_admin" });
    expect(result).toEqual({ status: "unavailable", reason: "cognito", changed: "maybe", sessionsUpdated: true });
    const groups = await stack.cognito.send(
      new AdminListGroupsForUserCommand({ UserPoolId: stack.h.userPoolId, Username: target.sub }),
    );
    expect(groups.Groups ?? []).toEqual([]); // it did land
    expect((await sessionOf(target.sessionId))?.refreshRequiredAt).toBeInstanceOf(Date);
    expect(await recorded(target.sub)).toEqual([
      ["failed", "Cognito did not answer; the change may have been made; sessions refresh at their next request"],
    ]);
  });

  it("disabling: unavailable, and the user's sessions are revoked all the same", async () => {
    const target = await withSession(["user"]);
    proxy.dropAnswersTo(["AdminDisableUser"]);
    const result = await runUserAction(admin, { sub: target.sub, action: "disable" });
    expect(result).toEqual({ status: "unavailable", reason: "cognito", changed: "maybe", sessionsUpdated: true });
    const user = await stack.cognito.send(
      new AdminGetUserCommand({ UserPoolId: stack.h.userPoolId, Username: target.sub }),
    );
    expect(user.Enabled).toBe(false);
    expect((await sessionOf(target.sessionId))?.revokedAt).toBeInstanceOf(Date);
    const [[outcome, detail] = []] = await recorded(target.sub);
    expect(outcome).toBe("failed");
    expect(detail).toMatch(/^Cognito did not answer; the change may have been made; 1 session revoked/);
  });
});
