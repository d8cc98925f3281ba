import { is, Column } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { CONTACT_PLAN_COLUMNS } from "@/lib/authz/contact-plan-columns";
import { noShares, toContactResource } from "@/lib/authz/contact-resources";
import { contactShares } from "@/lib/db/schema";

describe("CONTACT_PLAN_COLUMNS", () => {
  it("maps exactly the attributes sent to Cerbos, so plans and single checks see the same data", () => {
    const sent = Object.keys(toContactResource({ id: "c", owner: "o", isPrivate: false, shares: noShares() }).attr);
    expect(Object.keys(CONTACT_PLAN_COLUMNS).sort()).toEqual(
      sent.map((name) => `request.resource.attr.${name}`).sort(),
    );
  });

  it("maps the privacy flag to the `private` column", () => {
    const column = CONTACT_PLAN_COLUMNS["request.resource.attr.private"];
    expect(is(column, Column) && column.name).toBe("private");
  });

  it.each([
    ["viewers", "viewer"],
    ["editors", "editor"],
  ])("maps %s to the contact's shares with role %s, by sub", (list, role) => {
    expect(CONTACT_PLAN_COLUMNS[`request.resource.attr.${list}`]).toMatchObject({
      kind: "list",
      table: contactShares,
      references: { from: contactShares.contactId },
      member: contactShares.sub,
      only: { column: contactShares.role, value: role },
    });
  });
});
