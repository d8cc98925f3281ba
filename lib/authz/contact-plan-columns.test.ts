import { describe, expect, it } from "vitest";

import { CONTACT_PLAN_COLUMNS } from "@/lib/authz/contact-plan-columns";
import { toContactResource } from "@/lib/authz/contact-resources";

describe("CONTACT_PLAN_COLUMNS", () => {
  it("maps exactly the attributes sent to Cerbos, so plans and single checks see the same data", () => {
    const sent = Object.keys(toContactResource({ id: "c", owner: "o", isPrivate: false }).attr);
    expect(Object.keys(CONTACT_PLAN_COLUMNS).sort()).toEqual(
      sent.map((name) => `request.resource.attr.${name}`).sort(),
    );
  });

  it("maps the privacy flag to the `private` column", () => {
    expect(CONTACT_PLAN_COLUMNS["request.resource.attr.private"]?.name).toBe("private");
  });
});
