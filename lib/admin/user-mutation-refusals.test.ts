// Integration: what the console refuses, against the real PDP and a real seeded stand-in. On PostgreSQL when
// TEST_DATABASE_URL is set (two transactions really run at once there), on PGlite otherwise.
import { randomBytes } from "node:crypto";
import {
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  ListUsersInGroupCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { eq } from "drizzle-orm";
import { Pool } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runUserAction } from "@/lib/admin/user-mutation";
import { closeDatabase, getDb } from "@/lib/db/client";
import { getReadyDb, migrateDatabase } from "@/lib/db/migrate";
import { adminActions } from "@/lib/db/schema";
import { type ConsoleStack, createPoolUser, identityOf, startConsoleStack, subOf } from "@/lib/testing/admin-console";
import { startTcpProxy, type TcpProxy } from "@/lib/testing/tcp-proxy";
import type { ChangeAction } from "@/lib/admin/user-action-rules";
import type { CurrentUser } from "@/lib/auth/current-user";

const postgresUrl = process.env.TEST_DATABASE_URL;
const schema = `test_${randomBytes(6).toString("hex")}`;
let stack: ConsoleStack;
let admin: ReturnType<typeof identityOf>;
// The app reaches the stand-in through this proxy, which can slow Cognito down to widen a race.
let cognitoProxy: TcpProxy;

beforeAll(async () => {
  cognitoProxy = await startTcpProxy({ host: "127.0.0.1", port: 9448 }, { port: 9449 });
  let env: Record<string, string> = { COGNITO_API_ENDPOINT: cognitoProxy.url };
  if (postgresUrl) {
    const pool = new Pool({ connectionString: postgresUrl, max: 1 });
    await pool.query(`create schema ${schema}`);
    await pool.end();
    const scoped = new URL(postgresUrl);
    scoped.searchParams.set("options", `-c search_path=${schema}`);
    env = { ...env, DATABASE_URL: scoped.toString() };
  }
  stack = await startConsoleStack({ pdp: [3805, 3806], standIn: 9448 }, env);
  // The first migration of the process database decides where drizzle records it: this run's own schema.
  await migrateDatabase(getDb(), postgresUrl ? { migrationsSchema: schema } : {});
  admin = identityOf(await subOf(stack, "admin@example.com"), "admin@example.com", ["admin"]);
});

afterAll(async () => {
  await closeDatabase();
  if (postgresUrl) {
    const pool = new Pool({ connectionString: postgresUrl, max: 1 });
    await pool.query(`drop schema if exists ${schema} cascade`);
    await pool.end();
  }
  await stack?.stop();
  await cognitoProxy?.close();
});

async function groupsOf(sub: string) {
  const out = await stack.cognito.send(
    new AdminListGroupsForUserCommand({ UserPoolId: stack.h.userPoolId, Username: sub }),
  );
  return (out.Groups ?? []).map((group) => group.GroupName).sort();
}

async function enabled(sub: string) {
  return (await stack.cognito.send(new AdminGetUserCommand({ UserPoolId: stack.h.userPoolId, Username: sub }))).Enabled;
}

/** The action is refused with the policy's reason, as the page shows it. */
async function expectRefused(actor: CurrentUser, sub: string, action: ChangeAction, message: string) {
  expect(await runUserAction(actor, { sub, action })).toEqual({ status: "refused", message });
}

async function outcomes(targetSub: string) {
  const db = await getReadyDb();
  const rows = await db.select().from(adminActions).where(eq(adminActions.targetSub, targetSub));
  return rows.map((row) => [row.action, row.outcome, row.detail]);
}

describe("runUserAction refuses", () => {
  it("every action to a user who is not an admin, before asking Cognito, and records the attempt", async () => {
    const alice = identityOf(await subOf(stack, "alice@example.com"), "alice@example.com", ["user"]);
    const target = await createPoolUser(stack, ["user"]);
    for (const action of ["add_admin", "remove_user", "disable", "reset_password"]) {
      expect(await runUserAction(alice, { sub: target.sub, action })).toEqual({
        status: "refused",
        message: "Refused: only admins manage users.",
      });
    }
    expect(await groupsOf(target.sub)).toEqual(["user"]);
    expect(await enabled(target.sub)).toBe(true);
    expect(
      (await outcomes(target.sub)).every(([, outcome, detail]) => outcome === "refused" && detail === "not an admin"),
    ).toBe(true);
  });

  it("an admin's own demotion and disabling, with the policy's reason", async () => {
    await createPoolUser(stack, ["admin"]); // a second enabled admin: "last admin" is not the reason here
    await expectRefused(admin, admin.sub, "remove_admin", "Refused: you cannot remove your own admin role.");
    await expectRefused(admin, admin.sub, "disable", "Refused: you cannot disable yourself.");
    expect(await groupsOf(admin.sub)).toContain("admin");
    expect(await enabled(admin.sub)).toBe(true);
  });

  it("demoting or disabling the last enabled admin (a disabled admin does not count)", async () => {
    const solo = await startFresh();
    // An admin by their token, but disabled in Cognito since: the pool has one enabled admin, `solo.keeper`.
    const actor = await createPoolUser(stack, ["admin"], { disabled: true });
    const stale = identityOf(actor.sub, actor.email, ["admin"]);
    await expectRefused(stale, solo.keeper, "remove_admin", "Refused: the last enabled admin cannot lose the role.");
    await expectRefused(stale, solo.keeper, "disable", "Refused: the last enabled admin cannot be disabled.");
    expect(await groupsOf(solo.keeper)).toContain("admin");
    await solo.restore();
  });

  it("the second of two admins demoting each other at once: the recount under the lock sees the first", async () => {
    const solo = await startFresh();
    const other = await createPoolUser(stack, ["admin"]);
    const keeper = identityOf(solo.keeper, "keeper", ["admin"]);
    const second = identityOf(other.sub, other.email, ["admin"]);
    // Every Cognito call slowed down: without the lock both would recount 2 admins before either removal lands.
    cognitoProxy.setMode({ kind: "delay", ms: 150 });
    const results = await Promise.all([
      runUserAction(keeper, { sub: other.sub, action: "remove_admin" }),
      runUserAction(second, { sub: solo.keeper, action: "remove_admin" }),
    ]).finally(() => cognitoProxy.setMode({ kind: "pass" }));
    expect(results.map((result) => result.status).sort()).toEqual(["done", "refused"]);
    const refused = results.find((result) => result.status === "refused");
    expect(refused).toEqual({ status: "refused", message: "Refused: the last enabled admin cannot lose the role." });
    const stillAdmin = [await groupsOf(solo.keeper), await groupsOf(other.sub)].filter((g) => g.includes("admin"));
    expect(stillAdmin).toHaveLength(1);
    await solo.restore();
  });
});

/** Leaves one enabled admin, a fresh `keeper`, by disabling the others for a while; `restore` enables them again. */
async function startFresh() {
  const UserPoolId = stack.h.userPoolId;
  const keeper = await createPoolUser(stack, ["admin"]);
  const listed = await stack.cognito.send(new ListUsersInGroupCommand({ UserPoolId, GroupName: "admin" }));
  const subOfListed = (user: { Attributes?: { Name?: string; Value?: string }[] }) =>
    user.Attributes?.find((attribute) => attribute.Name === "sub")?.Value;
  const others = (listed.Users ?? []).filter((user) => user.Enabled && subOfListed(user) !== keeper.sub);
  const usernames = others.flatMap((user) => (user.Username ? [user.Username] : []));
  for (const Username of usernames) await stack.cognito.send(new AdminDisableUserCommand({ UserPoolId, Username }));
  const restore = async () => {
    for (const Username of usernames) await stack.cognito.send(new AdminEnableUserCommand({ UserPoolId, Username }));
  };
  return { keeper: keeper.sub, restore };
}
