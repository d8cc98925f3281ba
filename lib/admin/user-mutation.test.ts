// Integration: the console's actions against the real PDP (cerbos/policies/user.yaml), a real seeded stand-in and
// an in-memory PGlite. Identities are plain inputs; the pool's state is read back from the stand-in.
import { AdminGetUserCommand, AdminListGroupsForUserCommand } from "@aws-sdk/client-cognito-identity-provider";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runUserAction } from "@/lib/admin/user-mutation";
import { createSession, findUserRefreshMark } from "@/lib/auth/session/registry";
import { closeDatabase } from "@/lib/db/client";
import { getReadyDb } from "@/lib/db/migrate";
import { adminActions, sessions } from "@/lib/db/schema";
import { getEnv } from "@/lib/env";
import { type ConsoleStack, createPoolUser, identityOf, startConsoleStack, subOf } from "@/lib/testing/admin-console";

let stack: ConsoleStack;
let admin: ReturnType<typeof identityOf>;

beforeAll(async () => {
  stack = await startConsoleStack({ pdp: [3803, 3804], standIn: 9447 });
  admin = identityOf(await subOf(stack, "admin@example.com"), "admin@example.com", ["admin"]);
});

afterAll(async () => {
  await closeDatabase();
  await stack?.stop();
});

async function stateOf(sub: string) {
  const UserPoolId = stack.h.userPoolId;
  const [user, groups] = await Promise.all([
    stack.cognito.send(new AdminGetUserCommand({ UserPoolId, Username: sub })),
    stack.cognito.send(new AdminListGroupsForUserCommand({ UserPoolId, Username: sub })),
  ]);
  const names = (groups.Groups ?? []).map((group) => group.GroupName).sort();
  return { enabled: user.Enabled, status: user.UserStatus, groups: names };
}

async function recorded(targetSub: string) {
  const db = await getReadyDb();
  return db.select().from(adminActions).where(eq(adminActions.targetSub, targetSub)).orderBy(adminActions.at);
}

async function openSession(sub: string) {
  const input = { sub, method: "password" as const, userAgent: "test", originJti: undefined };
  return createSession(await getReadyDb(), input, getEnv().sessionTimeouts);
}

describe("runUserAction for an admin", () => {
  it("does each action on a user, in Cognito, and records each as done", async () => {
    const target = await createPoolUser(stack);
    const act = (action: string) => runUserAction(admin, { sub: target.sub, action });
    expect(await act("add_user")).toMatchObject({ status: "done", targetEmail: target.email });
    expect(await act("add_admin")).toMatchObject({ status: "done" });
    expect((await stateOf(target.sub)).groups).toEqual(["admin", "user"]);
    expect(await act("remove_admin")).toMatchObject({ status: "done" });
    expect(await act("remove_user")).toMatchObject({ status: "done" });
    expect((await stateOf(target.sub)).groups).toEqual([]);
    const reset = await act("reset_password");
    expect(reset).toMatchObject({ status: "done", temporaryPassword: expect.stringMatching(/^.{20}$/) });
    expect((await stateOf(target.sub)).status).toBe("FORCE_CHANGE_PASSWORD");
    expect(await act("disable")).toMatchObject({ status: "done" });
    expect((await stateOf(target.sub)).enabled).toBe(false);
    expect(await act("enable")).toMatchObject({ status: "done" });
    expect((await stateOf(target.sub)).enabled).toBe(true);
    const rows = await recorded(target.sub);
    expect(rows.map((row) => [row.action, row.outcome])).toEqual(
      ["add_user", "add_admin", "remove_admin", "remove_user", "reset_password", "disable", "enable"].map((a) => [
        a,
        "done",
      ]),
    );
    expect(rows.every((row) => row.actorSub === admin.sub && row.actorEmail === "admin@example.com")).toBe(true);
    expect(rows.every((row) => row.targetEmail === target.email)).toBe(true);
    // The temporary password is shown once and never stored.
    const password = reset.status === "done" ? reset.temporaryPassword : undefined;
    expect(rows.some((row) => password && row.detail.includes(password))).toBe(false);
  });

  it("marks the sessions of a user whose groups changed, so the next request refreshes", async () => {
    const target = await createPoolUser(stack);
    const session = await openSession(target.sub);
    expect(await runUserAction(admin, { sub: target.sub, action: "add_admin" })).toMatchObject({ status: "done" });
    const [row] = await (await getReadyDb()).select().from(sessions).where(eq(sessions.id, session.id));
    expect(row?.refreshRequiredAt).toBeInstanceOf(Date);
    expect(row?.revokedAt).toBeNull();
  });

  it.each(["disable", "reset_password"] as const)("revokes every session of a user on %s", async (action) => {
    const target = await createPoolUser(stack, ["user"]);
    const [one, two] = [await openSession(target.sub), await openSession(target.sub)];
    expect(await runUserAction(admin, { sub: target.sub, action })).toMatchObject({ status: "done" });
    const db = await getReadyDb();
    const rows = await db.select().from(sessions).where(eq(sessions.sub, target.sub));
    expect(rows.map((row) => row.id).sort()).toEqual([one.id, two.id].sort());
    expect(rows.every((row) => row.revokedAt instanceof Date)).toBe(true);
    expect((await recorded(target.sub)).at(-1)?.detail).toMatch(/2 sessions revoked/);
    // The Bearer tokens the user already holds are refused too (lib/auth/token/bearer.ts reads this mark).
    expect(await findUserRefreshMark(db, target.sub)).toBeInstanceOf(Date);
  });

  it("refuses an action that would change nothing, and changes nothing", async () => {
    const target = await createPoolUser(stack, ["admin"]);
    expect(await runUserAction(admin, { sub: target.sub, action: "add_admin" })).toEqual({
      status: "refused",
      message: "Not applicable: already in admin.",
    });
    expect(await runUserAction(admin, { sub: target.sub, action: "enable" })).toMatchObject({ status: "refused" });
    expect((await recorded(target.sub)).map((row) => row.outcome)).toEqual(["refused", "refused"]);
  });

  it("refuses bad input with a specific message, and a user not in the pool with not-found", async () => {
    expect(await runUserAction(admin, { sub: "nope", action: "disable" })).toMatchObject({ status: "invalid" });
    expect(await runUserAction(admin, { sub: admin.sub, action: "delete" })).toMatchObject({ status: "invalid" });
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect(await runUserAction(admin, { sub: unknown, action: "disable" })).toEqual({ status: "not-found" });
    expect(await runUserAction(null, { sub: unknown, action: "disable" })).toEqual({ status: "unauthenticated" });
  });
});
