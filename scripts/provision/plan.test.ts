import { describe, expect, it } from "vitest";
import { parseProvisionArgs } from "@/scripts/provision/args";
import { createPoolInput, desiredState } from "@/scripts/provision/desired";
import { type CurrentState, changedFields, isNoOp, planProvision, renderPlan } from "@/scripts/provision/plan";
import { poolUpdateInput } from "@/scripts/provision/pool-update";

const parsed = parseProvisionArgs(["--app-url", "https://a.example.com", "--domain-prefix", "contacts-a"]);
if (parsed.kind !== "run") throw new Error("expected a run");
const desired = desiredState(parsed.options);

const empty: CurrentState = {
  pool: undefined,
  client: undefined,
  groups: [],
  prefixOwner: undefined,
  users: new Map(),
};

/** The account as a previous run left it (Cognito adds settings of its own, and lists in its own order). */
function provisioned(): CurrentState {
  return {
    pool: {
      ...createPoolInput(desired.pool),
      Id: "us-east-1_Abc",
      Name: "contacts",
      Domain: "contacts-a",
      MfaConfiguration: "OFF",
    },
    client: {
      ...desired.client,
      ExplicitAuthFlows: ["ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_PASSWORD_AUTH"],
      ClientId: "client1",
      ClientSecret: "s3cret",
    },
    groups: desired.groups.map((g) => ({ GroupName: g.GroupName, ...g.settings, UserPoolId: "us-east-1_Abc" })),
    prefixOwner: "us-east-1_Abc",
    users: new Map(),
  };
}

const actions = (current: CurrentState) =>
  planProvision(desired, current).entries.map((e) => `${e.action} ${e.resource} ${e.changes.join(",")}`.trim());

describe("planProvision", () => {
  it("creates everything in an empty account", () => {
    expect(actions(empty)).toEqual([
      "create user pool",
      "create group",
      "create group",
      "create app client",
      "create domain",
    ]);
  });

  it("leaves an account that matches unchanged, whatever order Cognito lists things in", () => {
    const plan = planProvision(desired, provisioned());
    expect(plan.conflicts).toEqual([]);
    expect(isNoOp(plan)).toBe(true);
  });

  it("names the fields that differ", () => {
    const current = provisioned();
    current.pool = { ...current.pool, DeletionProtection: "INACTIVE" };
    current.client = { ...current.client, CallbackURLs: ["https://old.example.com/api/auth/callback/cognito"] };
    current.groups = [{ ...current.groups[0], Precedence: 5 }, current.groups[1] ?? {}];
    expect(actions(current)).toEqual([
      "update user pool DeletionProtection",
      "update group Precedence",
      "unchanged group",
      "update app client CallbackURLs",
      "unchanged domain",
    ]);
  });

  it("replaces a domain of another prefix", () => {
    const current = { ...provisioned(), prefixOwner: undefined };
    current.pool = { ...current.pool, Domain: "old-prefix" };
    expect(actions(current)).toContain("update domain replaces old-prefix");
  });

  it("stops on what it must not decide: a taken prefix, a pool that cannot change, a client without a secret", () => {
    const current = { ...provisioned(), prefixOwner: "us-east-1_Other" };
    current.pool = { ...current.pool, UsernameAttributes: ["phone_number"] };
    current.client = { ...current.client, ClientSecret: undefined };
    const plan = planProvision(desired, current);
    expect(plan.conflicts.map((c) => `${c.resource}: ${c.reason.split(":")[0]}`)).toEqual([
      "user pool: UsernameAttributes differs and cannot change after creation",
      "app client: has no client secret (one cannot be added later)",
      "domain: already used by user pool us-east-1_Other",
    ]);
    expect(renderPlan(plan).filter((line) => line.startsWith("  conflict"))).toHaveLength(3);
  });

  it("plans demo users: missing ones created, a missing group link added, others unchanged", () => {
    const current = {
      ...provisioned(),
      users: new Map([
        ["a@example.com", { groups: [] }],
        ["b@example.com", { groups: ["user"] }],
      ]),
    };
    const users = [
      { email: "a@example.com", group: "admin" },
      { email: "b@example.com", group: "user" },
      { email: "c@example.com", group: null },
    ];
    const entries = planProvision(desired, current, users).entries.filter((e) => e.resource === "user");
    expect(entries.map((e) => `${e.action} ${e.name} ${e.changes.join(",")}`.trim())).toEqual([
      "update a@example.com joins admin",
      "unchanged b@example.com",
      "create c@example.com",
    ]);
  });
});

describe("changedFields", () => {
  it("compares only the fields asked for, lists as sets, objects as subsets", () => {
    expect(changedFields({ a: [1, 2], b: { c: 1 } }, { a: [2, 1], b: { c: 1, d: 2 }, e: 3 })).toEqual([]);
    expect(changedFields({ a: [1], b: { c: 1 } }, { a: [1, 2], b: { c: 2 } })).toEqual(["a", "b"]);
    expect(changedFields({ a: [] }, {})).toEqual([]);
  });
});

describe("poolUpdateInput", () => {
  it("keeps the pool's other settings (UpdateUserPool resets what it is not given) and drops the deprecated one", () => {
    const input = poolUpdateInput(
      {
        Id: "us-east-1_Abc",
        MfaConfiguration: "OPTIONAL",
        UserPoolTags: { team: "crm" },
        Policies: { PasswordPolicy: { MinimumLength: 8, PasswordHistorySize: 3 } },
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: false, UnusedAccountValidityDays: 7 },
        SchemaAttributes: [{ Name: "email" }],
      },
      { DeletionProtection: "ACTIVE", Policies: { PasswordPolicy: { MinimumLength: 12 } } },
    );
    expect(input).toEqual({
      UserPoolId: "us-east-1_Abc",
      MfaConfiguration: "OPTIONAL",
      UserPoolTags: { team: "crm" },
      DeletionProtection: "ACTIVE",
      Policies: { PasswordPolicy: { MinimumLength: 12, PasswordHistorySize: 3 } },
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
    });
  });
});
