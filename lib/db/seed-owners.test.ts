import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startSeeded } from "@/lib/testing/cognito-stand-in";
import { seedOwnerSourceFromEnv } from "@/lib/db/seed-owner-source";
import { parseSeedOwners, resolveSeedOwners, SeedOwnersError } from "@/lib/db/seed-owners";

describe("seedOwnerSourceFromEnv", () => {
  it("prefers SEED_OWNERS, then the stand-in, and explains what is missing", () => {
    const standIn = { COGNITO_LOCAL_URL: "http://127.0.0.1:9229", COGNITO_USER_POOL_ID: "local_abc" };
    expect(seedOwnerSourceFromEnv({ ...standIn, SEED_OWNERS: "[]" })).toEqual({ kind: "json", json: "[]" });
    expect(seedOwnerSourceFromEnv(standIn)).toEqual({
      kind: "stand-in",
      endpoint: "http://127.0.0.1:9229",
      userPoolId: "local_abc",
    });
    expect(() => seedOwnerSourceFromEnv({ COGNITO_LOCAL_URL: "http://127.0.0.1:9229" })).toThrow(/SEED_OWNERS/);
  });
});

describe("parseSeedOwners", () => {
  it("accepts a list of email and sub", () => {
    expect(parseSeedOwners('[{"email":"a@example.com","sub":"s-1"}]')).toEqual([
      { email: "a@example.com", sub: "s-1" },
    ]);
  });

  it.each([
    ["not json", /not valid JSON/],
    ["[]", /at least one owner/],
    ['[{"email":"a@example.com"}]', /0\.sub/],
  ])("rejects %s", (json, message) => {
    expect(() => parseSeedOwners(json)).toThrow(SeedOwnersError);
    expect(() => parseSeedOwners(json)).toThrow(message);
  });
});

describe("resolveSeedOwners from the Cognito stand-in", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startSeeded(9431);
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("lists every demo user with its sub", async () => {
    const owners = await resolveSeedOwners({ kind: "stand-in", endpoint: h.url, userPoolId: h.userPoolId });
    expect(owners.map((owner) => owner.email).sort()).toEqual([
      "admin@example.com",
      "alice@example.com",
      "bob@example.com",
      "newbie@example.com",
      "nora@example.com",
    ]);
    for (const owner of owners) expect(owner.sub).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("fails clearly for an empty or unknown pool", async () => {
    await expect(resolveSeedOwners({ kind: "stand-in", endpoint: h.url, userPoolId: "local_nope" })).rejects.toThrow();
  });
});
