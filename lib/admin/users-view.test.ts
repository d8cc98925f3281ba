// Integration: the console's page data (loadUsersView) against the real PDP (cerbos/policies/user.yaml) and a real
// seeded stand-in. The app reaches the stand-in through a counting proxy, so "Cognito was never asked" is measured.
import { randomBytes, randomUUID } from "node:crypto";
import {
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  ListUsersInGroupCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { EMAIL_SEARCH_MAX } from "@/lib/admin/email-search";
import { USERS_PAGE_SIZE } from "@/lib/admin/pool-users";
import { loadUsersView, type UserRow, type UsersView } from "@/lib/admin/users-view";
import { type ConsoleStack, createPoolUser, identityOf, startConsoleStack, subOf } from "@/lib/testing/admin-console";
import { type CountingProxy, startCountingProxy } from "@/lib/testing/counting-proxy";

const STAND_IN_PORT = 9460;
let stack: ConsoleStack;
let cognitoCalls: CountingProxy;
let admin: ReturnType<typeof identityOf>;

beforeAll(async () => {
  cognitoCalls = await startCountingProxy(`http://127.0.0.1:${STAND_IN_PORT}`, 9470);
  const env = { COGNITO_API_ENDPOINT: cognitoCalls.url };
  stack = await startConsoleStack({ pdp: [3830, 3831], standIn: STAND_IN_PORT }, env);
  admin = identityOf(await subOf(stack, "admin@example.com"), "admin@example.com", ["admin"]);
});

afterAll(async () => {
  await stack?.stop();
  await cognitoCalls?.close();
});

beforeEach(() => cognitoCalls.reset());

/** A prefix no other user in the pool has. */
const uniquePrefix = () => `uv-${randomUUID().slice(0, 8)}-`;

async function okView(q: string, token?: string): Promise<Extract<UsersView, { status: "ok" }>> {
  const view = await loadUsersView(admin, { q, token });
  if (view.status !== "ok") throw new Error(`expected ok, got ${JSON.stringify(view)}`);
  return view;
}

async function rowOf(email: string): Promise<UserRow> {
  const [row, ...others] = (await okView(email)).rows.filter((entry) => entry.email === email);
  if (!row || others.length > 0) throw new Error(`expected one row for ${email}`);
  return row;
}

describe("loadUsersView refuses anyone but an admin", () => {
  it.each([
    ["the user group", "alice@example.com", ["user"]],
    ["no group", "nora@example.com", []],
  ])("forbidden for %s, and Cognito is never asked", async (_, email, groups) => {
    const viewer = identityOf(await subOf(stack, email), email, groups);
    expect(await loadUsersView(viewer, { q: "" })).toEqual({ status: "forbidden" });
    expect(cognitoCalls.total()).toBe(0);
    // The same proxy does see the app's calls: an admin's view goes through it.
    await okView("");
    expect(cognitoCalls.total()).toBeGreaterThan(0);
  });
});

describe("searching by email prefix", () => {
  it("finds exactly the users whose email starts with the prefix", async () => {
    const prefix = uniquePrefix();
    const made = await Promise.all(
      ["a", "b", "c"].map((n) => createPoolUser(stack, [], { email: `${prefix}${n}@x.io` })),
    );
    await createPoolUser(stack, [], { email: `${prefix.slice(0, -1)}z-d@x.io` }); // shares all but the last "-"
    const emails = (view: { rows: UserRow[] }) => view.rows.map((row) => row.email).sort();
    expect(emails(await okView(prefix))).toEqual(made.map((user) => user.email).sort());
    expect(emails(await okView(`  ${prefix}b  `))).toEqual([`${prefix}b@x.io`]);
    expect((await okView(`${prefix}q`)).rows).toEqual([]);
    // The longest search allowed is one Cognito accepts (its Filter has at most 256 characters).
    expect((await okView("a".repeat(EMAIL_SEARCH_MAX))).rows).toEqual([]);
  });

  it.each([
    ["a quote", 'a"b', 'The search cannot contain a quote (") or a backslash (\\).'],
    ["a backslash", "a\\b", 'The search cannot contain a quote (") or a backslash (\\).'],
    [
      "over-long",
      "a".repeat(EMAIL_SEARCH_MAX + 1),
      "The search is longer than Cognito can search for (245 characters).",
    ],
    ["a control character", "a\u0000b", "The search contains a control character."],
    ["a line break", "a\nb", "The search contains a control character."],
  ])("refuses %s query with its message and asks Cognito nothing", async (_, q, message) => {
    expect(await loadUsersView(admin, { q })).toMatchObject({ status: "invalid", message });
    expect(cognitoCalls.total()).toBe(0);
  });
});

describe("paging", () => {
  const prefix = uniquePrefix();
  const emails = Array.from({ length: USERS_PAGE_SIZE + 5 }, (_, n) => `${prefix}${String(n).padStart(2, "0")}@x.io`);
  beforeAll(async () => {
    for (const email of emails) await createPoolUser(stack, ["user"], { email });
  });

  it("follows Cognito's token to the rest of the matches, with no overlap and no gap", async () => {
    const first = await okView(prefix);
    expect(first).toMatchObject({ onLaterPage: false, nextToken: expect.any(String) });
    expect(first.rows).toHaveLength(USERS_PAGE_SIZE);
    const second = await okView(prefix, first.nextToken);
    expect(second).toMatchObject({ onLaterPage: true, nextToken: undefined });
    const seen = [...first.rows, ...second.rows].map((row) => row.email);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual(emails);
  });

  it("answers a forged, foreign or mangled token with a message, never an error", async () => {
    const expired = "This page link has expired: start again from the first page.";
    const notValid = "This page link is not valid: start again from the first page.";
    expect(await loadUsersView(admin, { q: "", token: "garbage" })).toMatchObject({
      status: "invalid",
      message: expired,
    });
    // Looks like a token (base64url), decodes to nothing Cognito issued.
    const forged = randomBytes(48).toString("base64url");
    expect(await loadUsersView(admin, { token: forged })).toMatchObject({ status: "invalid", message: expired });
    // A real token, from another search: Cognito binds it to its filter.
    const { nextToken } = await okView(prefix);
    expect(nextToken).toBeDefined();
    expect(await loadUsersView(admin, { q: "alice", token: nextToken })).toMatchObject({ message: expired });
    cognitoCalls.reset();
    for (const token of ["a".repeat(4097), "abc\u0001def"]) {
      expect(await loadUsersView(admin, { token })).toMatchObject({ status: "invalid", message: notValid });
    }
    expect(cognitoCalls.total()).toBe(0);
  });
});

describe("each row", () => {
  it("shows the user as Cognito has them, and what an admin may do, with the policy's reasons", async () => {
    const prefix = uniquePrefix();
    const member = await createPoolUser(stack, ["user"], { email: `${prefix}member@x.io` });
    const fresh = await createPoolUser(stack, [], { email: `${prefix}fresh@x.io`, temporary: true });
    const gone = await createPoolUser(stack, ["admin", "user"], { email: `${prefix}gone@x.io`, disabled: true });
    const started = Date.now();
    const row = await rowOf(member.email);
    expect(row).toMatchObject({ sub: member.sub, status: "CONFIRMED", enabled: true, groups: ["user"], isSelf: false });
    expect(Math.abs(Date.parse(row.createdAt ?? "") - started)).toBeLessThan(60_000);
    expect(row.actions).toEqual({
      add_admin: { state: "allowed", reason: "admin role" },
      remove_admin: { state: "not-applicable", reason: "not in admin" },
      add_user: { state: "not-applicable", reason: "already in user" },
      remove_user: { state: "allowed", reason: "admin role" },
      disable: { state: "allowed", reason: "admin role" },
      enable: { state: "not-applicable", reason: "already enabled" },
      reset_password: { state: "allowed", reason: "admin role" },
    });
    expect(await rowOf(fresh.email)).toMatchObject({ status: "FORCE_CHANGE_PASSWORD", enabled: true, groups: [] });
    const disabled = await rowOf(gone.email);
    expect(disabled).toMatchObject({ enabled: false, groups: ["admin", "user"] });
    expect(disabled.actions.enable).toEqual({ state: "allowed", reason: "admin role" });
    expect(disabled.actions.disable).toEqual({ state: "not-applicable", reason: "already disabled" });
  });

  it("the admin's own row: no demoting or disabling oneself", async () => {
    await createPoolUser(stack, ["admin"]); // a second enabled admin: "last admin" is not the reason here
    const own = await rowOf("admin@example.com");
    expect(own).toMatchObject({ sub: admin.sub, isSelf: true, enabled: true, groups: ["admin"] });
    expect(own.actions.remove_admin).toEqual({ state: "denied", reason: "you cannot remove your own admin role" });
    expect(own.actions.disable).toEqual({ state: "denied", reason: "you cannot disable yourself" });
    expect(own.actions.reset_password).toEqual({ state: "allowed", reason: "admin role" });
  });

  it("the last enabled admin's row: denied, until a second admin is enabled", async () => {
    const UserPoolId = stack.h.userPoolId;
    const keeper = await createPoolUser(stack, ["admin"]);
    const listed = await stack.cognito.send(new ListUsersInGroupCommand({ UserPoolId, GroupName: "admin", Limit: 60 }));
    const admins = (listed.Users ?? [])
      .filter((user) => user.Enabled && user.Username)
      .map((user) => ({ sub: user.Attributes?.find((a) => a.Name === "sub")?.Value ?? "" }))
      .filter((user) => user.sub !== keeper.sub);
    const disable = (Username: string) => stack.cognito.send(new AdminDisableUserCommand({ UserPoolId, Username }));
    const enable = (Username: string) => stack.cognito.send(new AdminEnableUserCommand({ UserPoolId, Username }));
    for (const row of admins) await disable(row.sub);
    try {
      // The viewer is an admin by their token; Cognito's count of enabled admins is now 1: the keeper.
      const last = await rowOf(keeper.email);
      expect(last.actions.remove_admin).toEqual({
        state: "denied",
        reason: "the last enabled admin cannot lose the role",
      });
      expect(last.actions.disable).toEqual({ state: "denied", reason: "the last enabled admin cannot be disabled" });
      const [second] = admins;
      if (!second) throw new Error("expected another admin to enable");
      await enable(second.sub);
      const notLast = await rowOf(keeper.email);
      expect(notLast.actions.remove_admin).toEqual({ state: "allowed", reason: "admin role" });
      expect(notLast.actions.disable).toEqual({ state: "allowed", reason: "admin role" });
    } finally {
      for (const row of admins) await enable(row.sub);
    }
  });
});
