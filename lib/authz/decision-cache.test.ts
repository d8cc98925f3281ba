import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { noShares, toContactResource, type ShareLists } from "@/lib/authz/contact-resources";
import { canonicalJson, decisionCacheKey, planCacheKey } from "@/lib/authz/decision-cache";
import { policyStateOf, readPolicyState, watchPolicyState } from "@/lib/authz/policy-fingerprint";
import type { ContactPrincipal } from "@/lib/authz/principal";

const principal: ContactPrincipal = { id: "sub-1", roles: ["admin", "user"], attr: { groups: ["admin", "user"] } };
const policy = { fingerprint: "fp-1", readsResourceId: false };
const contact = (id: string, owner: string, isPrivate: boolean, shares: ShareLists = noShares()) =>
  toContactResource({ id, owner, isPrivate, shares });
const resource = contact("c-1", "sub-1", false);
const plan = (p: ContactPrincipal, fingerprint = "fp-1", action: "read" | "update" = "read") =>
  planCacheKey(fingerprint, p, "contact", action);
const check = (p: ContactPrincipal, r = resource, actions: ("read" | "update")[] = ["read", "update"], pol = policy) =>
  decisionCacheKey(pol, p, r, actions);

const variants: [string, ContactPrincipal][] = [
  ["another principal id", { ...principal, id: "sub-2" }],
  ["other roles", { ...principal, roles: ["user"] }],
  ["the same roles in another order", { ...principal, roles: ["user", "admin"] }],
  ["other attributes", { ...principal, attr: { ...principal.attr, email: "a@example.com" } }],
  ["other groups", { ...principal, attr: { groups: ["user"] } }],
];

describe("cache keys", () => {
  it("are equal for identical questions, whatever the order of object keys", () => {
    const reordered: ContactPrincipal = { attr: { groups: ["admin", "user"] }, roles: ["admin", "user"], id: "sub-1" };
    expect(plan(reordered)).toBe(plan(principal));
    expect(check(reordered)).toBe(check(principal));
    expect(
      check(principal, {
        kind: "contact",
        attr: { editors: [], private: false, viewers: [], owner: "sub-1" },
        id: "c-1",
      }),
    ).toBe(check(principal));
  });

  it.each(variants)("differ for %s", (_, other) => {
    expect(plan(other)).not.toBe(plan(principal));
    expect(check(other)).not.toBe(check(principal));
  });

  it("differ across actions and policy fingerprints", () => {
    expect(plan(principal, "fp-1", "update")).not.toBe(plan(principal));
    expect(plan(principal, "fp-2")).not.toBe(plan(principal));
    expect(check(principal, resource, ["read"])).not.toBe(check(principal));
    expect(check(principal, resource, ["update", "read"])).not.toBe(check(principal));
    expect(check(principal, resource, undefined, { ...policy, fingerprint: "fp-2" })).not.toBe(check(principal));
    expect(plan(principal)).not.toBe(check(principal));
  });

  it("key rows by attributes, not ids, unless a policy reads the id", () => {
    const sameAttributes = contact("c-2", "sub-1", false);
    expect(check(principal, sameAttributes)).toBe(check(principal));
    expect(check(principal, contact("c-1", "sub-1", true))).not.toBe(check(principal));
    expect(check(principal, contact("c-1", "sub-2", false))).not.toBe(check(principal));
    const readsId = { ...policy, readsResourceId: true };
    expect(check(principal, sameAttributes, undefined, readsId)).not.toBe(
      check(principal, resource, undefined, readsId),
    );
  });

  it("differ when a share is added, revoked or changes role, and not for the order the shares came in", () => {
    const shared = (viewers: string[], editors: string[] = []) =>
      check(principal, contact("c-1", "sub-1", false, { viewers, editors }));
    expect(shared([])).toBe(check(principal));
    expect(shared(["sub-2"])).not.toBe(check(principal));
    expect(shared(["sub-2", "sub-3"])).not.toBe(shared(["sub-2"]));
    // A revoked share: the key is the unshared one again, never the one the share was decided under.
    expect(shared(["sub-3"])).not.toBe(shared(["sub-2", "sub-3"]));
    expect(shared([], ["sub-2"])).not.toBe(shared(["sub-2"]));
    expect(shared(["sub-3", "sub-2"])).toBe(shared(["sub-2", "sub-3"]));
  });

  it("leave out undefined as the request body does", () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
  });
});

describe("policy fingerprint", () => {
  const source = (text: string, path = "contact.yaml") => ({ path, text });

  it("changes with any edit and names nothing cacheable without policies", () => {
    const a = policyStateOf([source("rules: []")]);
    const b = policyStateOf([source("rules: [] # edited")]);
    expect(a).toMatchObject({ cacheable: true, readsResourceId: false });
    expect(b.cacheable && a.cacheable && a.fingerprint !== b.fingerprint).toBe(true);
    expect(policyStateOf([])).toMatchObject({ cacheable: false });
  });

  it.each(["expr: now() > timestamp(R.attr.until)", "expr: timeSince(x) > duration('1h')", "x.getHours() > 9"])(
    "turns caching off for a time-based policy: %s",
    (text) => expect(policyStateOf([source("ok"), source(text, "b.yaml")])).toMatchObject({ cacheable: false }),
  );

  it.each(["request.resource.id == 'x'", "R.id.startsWith('a')"])("notices a policy that reads the id: %s", (text) =>
    expect(policyStateOf([source(text)])).toMatchObject({ cacheable: true, readsResourceId: true }),
  );

  it("reads the folder without test files, re-reads it after the interval, and is off when it cannot", () => {
    const dir = mkdtempSync(join(tmpdir(), "policies-"));
    writeFileSync(join(dir, "contact.yaml"), "rules: []");
    writeFileSync(join(dir, "contact_test.yaml"), "now()");
    let clock = 0;
    const state = watchPolicyState(dir, 1000, () => clock);
    const first = state();
    expect(first).toMatchObject({ cacheable: true });
    writeFileSync(join(dir, "contact.yaml"), "rules: [] # edited");
    clock = 999;
    expect(state()).toEqual(first);
    clock = 1000;
    expect(state()).not.toEqual(first);
    expect(readPolicyState(join(dir, "missing"))).toMatchObject({ cacheable: false });
    expect(readPolicyState("cerbos/policies")).toMatchObject({ cacheable: true, readsResourceId: false });
  });
});
