import { describe, expect, it } from "vitest";
import { CHANGE_ACTIONS, notApplicableReason, parseUserActionInput } from "@/lib/admin/user-action-rules";

const SUB = "0f8fad5b-d9cb-469f-a165-70867728950e";

describe("parseUserActionInput", () => {
  it("accepts a sub and a console action", () => {
    expect(parseUserActionInput({ sub: SUB, action: "disable" })).toEqual({
      ok: true,
      input: { sub: SUB, action: "disable" },
    });
  });

  it.each([
    [{ action: "disable" }, /missing/],
    [{ sub: "admin@example.com", action: "disable" }, /sub/],
    [{ sub: `${SUB} `, action: "disable" }, /sub/],
    [{ sub: SUB, action: "view" }, /action/],
    [{ sub: SUB, action: "delete" }, /action/],
  ])("refuses %j with a specific message", (raw, message) => {
    expect(parseUserActionInput(raw)).toEqual({ ok: false, message: expect.stringMatching(message) });
  });
});

describe("notApplicableReason", () => {
  const admin = { sub: SUB, groups: ["admin", "user"], enabled: true };
  const plain = { sub: SUB, groups: [], enabled: false };

  it("names the no-ops from the loaded state, and lets every real change through", () => {
    expect(CHANGE_ACTIONS.map((action) => notApplicableReason(admin, action))).toEqual([
      "already in admin",
      null,
      "already in user",
      null,
      null,
      "already enabled",
      null,
    ]);
    expect(CHANGE_ACTIONS.map((action) => notApplicableReason(plain, action))).toEqual([
      null,
      "not in admin",
      null,
      "not in user",
      "already disabled",
      null,
      null,
    ]);
  });
});
