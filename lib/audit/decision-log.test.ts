import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDecisionLog, PLAN_RESOURCE_ID } from "@/lib/audit/decision-log";

/** Three lines the PDP (cerbos 0.51.0, cerbos/config.yaml) wrote: an admin's check, a member's plan, a denial. */
const captured = readFileSync(new URL("./decision-log.fixture.jsonl", import.meta.url), "utf8");

describe("parseDecisionLog", () => {
  it("turns each call into one entry per resource and action, newest call first", () => {
    const { entries, skipped } = parseDecisionLog(captured, 100);
    expect(skipped).toBe(0);
    expect(entries.map(({ requestId, action, effect }) => [requestId, action, effect])).toEqual([
      ["rid-deny-1", "delete", "DENY"],
      ["rid-plan-1", "read", "CONDITIONAL"],
      ["rid-check-1", "read", "ALLOW"],
      ["rid-check-1", "update", "ALLOW"],
    ]);
  });

  it("keeps the time, principal, resource and matched policy of a check", () => {
    const [denied] = parseDecisionLog(captured, 1).entries;
    expect(denied).toEqual({
      callId: "01M8VMFMHPENJAZG1NYHKV3RP6",
      time: "2026-12-02T15:03:03.479478519Z",
      requestId: "rid-deny-1",
      principal: { id: "u3", roles: ["user"] },
      resource: { kind: "contact", id: "c9" },
      action: "delete",
      effect: "DENY",
      policy: "resource.contact.vdefault",
      call: "check",
    });
  });

  it("shows a plan as a decision about every resource of the kind, with the policies it was built from", () => {
    const plan = parseDecisionLog(captured, 100).entries.find(({ call }) => call === "plan");
    expect(plan).toMatchObject({
      resource: { kind: "contact", id: PLAN_RESOURCE_ID },
      principal: { id: "u1", roles: ["user"] },
      policy: "resource.contact.vdefault",
    });
  });

  it("stops at the limit", () => {
    expect(parseDecisionLog(captured, 2).entries).toHaveLength(2);
    expect(parseDecisionLog(captured, 0).entries).toEqual([]);
  });

  it("skips and counts what is not a decision line: a torn line, an access log line, anything else", () => {
    const [first] = captured.split("\n");
    const text = [
      first,
      '{"log.logger":"cerbos.audit","log.kind":"access","callId":"x","timestamp":"t"}',
      "not json",
      "[1,2]",
      first?.slice(0, 80),
    ].join("\n");
    const { entries, skipped } = parseDecisionLog(text, 100);
    expect(skipped).toBe(4);
    expect(entries.map(({ action }) => action)).toEqual(["read", "update"]);
  });
});
