import { describe, expect, it } from "vitest";

import {
  DEMO_OTHER_OWNER,
  demoContactsFor,
  toContactResource,
  toProposedContactResource,
  type ContactRecord,
} from "./contact-resources";

describe("contact resources", () => {
  it("describes a contact to Cerbos by kind, id, owner and privacy only", () => {
    const record: ContactRecord = { id: "c-9", name: "Katherine Johnson", owner: "sub-1", isPrivate: true };
    expect(toContactResource(record)).toEqual({
      kind: "contact",
      id: "c-9",
      attr: { owner: "sub-1", private: true },
    });
  });

  it("describes proposed attributes under a placeholder id, or the id of the contact being edited", () => {
    expect(toProposedContactResource({ owner: "sub-1", isPrivate: false })).toEqual({
      kind: "contact",
      id: "new",
      attr: { owner: "sub-1", private: false },
    });
    expect(toProposedContactResource({ owner: "sub-1", isPrivate: true, id: "c-9" }).id).toBe("c-9");
  });

  it("gives the signed-in user one public demo contact and someone else the other", () => {
    const [mine, theirs, ...rest] = demoContactsFor("sub-1");
    expect(rest).toEqual([]);
    expect(mine).toMatchObject({ id: "contact-1", owner: "sub-1", isPrivate: false });
    expect(theirs).toMatchObject({ id: "contact-2", owner: DEMO_OTHER_OWNER, isPrivate: false });
  });
});
