import { describe, expect, it } from "vitest";

import { DEMO_OTHER_OWNER, demoContactsFor, toContactResource } from "./contact-resources";

describe("contact resources", () => {
  it("describes a contact to Cerbos by kind, id and owner only", () => {
    expect(toContactResource({ id: "c-9", name: "Katherine Johnson", owner: "sub-1" })).toEqual({
      kind: "contact",
      id: "c-9",
      attr: { owner: "sub-1" },
    });
  });

  it("gives the signed-in user one demo contact and someone else the other", () => {
    const [mine, theirs, ...rest] = demoContactsFor("sub-1");
    expect(rest).toEqual([]);
    expect(mine).toMatchObject({ id: "contact-1", owner: "sub-1" });
    expect(theirs).toMatchObject({ id: "contact-2", owner: DEMO_OTHER_OWNER });
  });
});
