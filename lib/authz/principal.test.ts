import { describe, expect, it } from "vitest";

import { NO_ROLE, principalFromIdentity } from "@/lib/authz/principal";

describe("principalFromIdentity", () => {
  it("keeps known groups as roles, most powerful first whatever the group order", () => {
    const { principal, hasRoles } = principalFromIdentity({ sub: "sub-1", groups: ["user", "admin"] });
    expect(principal.roles).toEqual(["admin", "user"]);
    expect(hasRoles).toBe(true);
  });

  it("drops unknown groups, including case variants of known ones", () => {
    const { principal } = principalFromIdentity({ sub: "sub-1", groups: ["auditors", "Admin", "user", "no_role"] });
    expect(principal.roles).toEqual(["user"]);
  });

  it("removes duplicates", () => {
    const { principal } = principalFromIdentity({ sub: "sub-1", groups: ["user", "admin", "user", "admin"] });
    expect(principal.roles).toEqual(["admin", "user"]);
  });

  it.each([[[]], [["auditors"]]])("gives NO_ROLE and hasRoles false for groups %j", (groups) => {
    const { principal, hasRoles } = principalFromIdentity({ sub: "sub-1", groups });
    expect(principal.roles).toEqual([NO_ROLE]);
    expect(hasRoles).toBe(false);
  });

  it.each(["", "   ", "\t\n"])("throws on a blank sub %j", (sub) => {
    expect(() => principalFromIdentity({ sub, groups: ["admin"] })).toThrow(/sub/);
  });

  it("uses the sub as the id and sends only small, defined attributes", () => {
    const identity = { sub: "sub-1", groups: ["user", "auditors"], email: "ada@example.com" };
    const { principal } = principalFromIdentity(identity);
    expect(principal).toEqual({
      id: "sub-1",
      roles: ["user"],
      attr: { email: "ada@example.com", groups: ["user", "auditors"] },
    });
    expect(Object.keys(principal.attr)).not.toContain("username");
  });
});
