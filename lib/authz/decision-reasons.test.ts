import type { OutputResult } from "@cerbos/core";
import { describe, expect, it } from "vitest";

import {
  decideAction,
  decideContactPermissions,
  NO_DECISION,
  NO_RULE_ALLOWS,
  type DecisionSource,
} from "@/lib/authz/decision-reasons";

const SRC = "resource.contact.vdefault";
const output = (action: string, rule: string, value: OutputResult["value"]): OutputResult => ({
  action,
  source: `${SRC}#${rule}`,
  value,
});

function source(
  allowed: Record<string, boolean>,
  outputs: OutputResult[] = [],
  metadata?: DecisionSource["metadata"],
): DecisionSource {
  return { isAllowed: (action) => allowed[action], outputs, metadata };
}

describe("decideAction", () => {
  it.each([
    ["in rank order", [2, 3]],
    ["in reverse order", [3, 2]],
  ])("gives the lowest-ranked reason that agrees with an allow, outputs listed %s", (_, ranks) => {
    const byRank: Record<number, OutputResult> = {
      2: output("read", "owner-all", { granted: true, reason: "owner", rank: 2 }),
      3: output("read", "member-read-public", { granted: true, reason: "not private", rank: 3 }),
    };
    const result = source(
      { read: true },
      ranks.map((rank) => byRank[rank] as OutputResult),
    );
    expect(decideAction(result, "read")).toEqual({ allowed: true, reason: "owner" });
  });

  it("puts unranked outputs last and breaks ties by reason", () => {
    const result = source({ read: true }, [
      output("read", "c", { granted: true, reason: "unranked" }),
      output("read", "b", { granted: true, reason: "zeta", rank: 1 }),
      output("read", "a", { granted: true, reason: "alpha", rank: 1 }),
    ]);
    expect(decideAction(result, "read").reason).toBe("alpha");
  });

  it("skips a condition-not-met output when another rule allowed", () => {
    const result = source({ read: true }, [
      output("read", "member-read-public", { granted: false, reason: "private", rank: 1 }),
      output("read", "owner-all", { granted: true, reason: "owner", rank: 2 }),
    ]);
    expect(decideAction(result, "read")).toEqual({ allowed: true, reason: "owner" });
  });

  it("explains a deny with a condition-not-met output", () => {
    const result = source({ read: false }, [
      output("read", "member-read-public", { granted: false, reason: "private" }),
    ]);
    expect(decideAction(result, "read")).toEqual({ allowed: false, reason: "private" });
  });

  it("explains a refused change with the owner rule's condition-not-met output, and a read with the lower rank", () => {
    const notOwner = (action: string) =>
      output(action, "owner-all", { granted: false, reason: "not the owner", rank: 4 });
    const result = source({ read: false, update: false }, [
      notOwner("update"),
      notOwner("read"),
      output("read", "member-read-public", { granted: false, reason: "private", rank: 3 }),
    ]);
    expect(decideAction(result, "update")).toEqual({ allowed: false, reason: "not the owner" });
    expect(decideAction(result, "read")).toEqual({ allowed: false, reason: "private" });
  });

  it("reads only the outputs of the action asked about", () => {
    const result = source({ read: true, update: false }, [
      output("read", "admin-all", { granted: true, reason: "admin role" }),
    ]);
    expect(decideAction(result, "update")).toEqual({ allowed: false, reason: NO_RULE_ALLOWS });
  });

  it.each([
    ["a string", "owner"],
    ["an object without granted", { reason: "owner" }],
    ["an empty reason", { granted: false, reason: "" }],
    ["a rank that is not a number", { granted: false, reason: "private", rank: "1" }],
    ["null", null],
  ])("ignores an output that is %s", (_, value) => {
    expect(decideAction(source({ read: false }, [output("read", "r", value)]), "read")).toEqual({
      allowed: false,
      reason: NO_RULE_ALLOWS,
    });
  });

  it("falls back to the derived roles, then the matched policy, for an allow without an output", () => {
    const meta = (roles: string[], matchedPolicy = "") => ({
      actions: { read: { matchedPolicy, matchedScope: "" } },
      effectiveDerivedRoles: roles,
    });
    expect(decideAction(source({ read: true }, [], meta(["owner"], SRC)), "read").reason).toBe("derived role owner");
    expect(decideAction(source({ read: true }, [], meta([], SRC)), "read").reason).toBe(`policy ${SRC}`);
    expect(decideAction(source({ read: true }, [], meta([])), "read").reason).toBe("allowed");
    expect(decideAction(source({ read: true }), "read").reason).toBe("allowed");
  });

  it("denies what the PDP left out", () => {
    expect(decideAction(undefined, "read")).toEqual({ allowed: false, reason: NO_DECISION });
    expect(decideAction(source({}), "read")).toEqual({ allowed: false, reason: NO_DECISION });
  });
});

describe("decideContactPermissions", () => {
  it("decides read, update and delete from one result, and denies all three without one", () => {
    const result = source({ read: true, update: false, delete: false }, [
      output("read", "member-read-public", { granted: true, reason: "not private", rank: 3 }),
      output("update", "owner-all", { granted: false, reason: "not the owner", rank: 4 }),
    ]);
    expect(decideContactPermissions(result)).toEqual({
      read: { allowed: true, reason: "not private" },
      update: { allowed: false, reason: "not the owner" },
      delete: { allowed: false, reason: NO_RULE_ALLOWS },
    });
    const undecided = { allowed: false, reason: NO_DECISION };
    expect(decideContactPermissions(undefined)).toEqual({ read: undecided, update: undecided, delete: undecided });
  });
});
