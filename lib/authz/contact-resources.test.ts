import { describe, expect, it } from "vitest";

import { toContactResource, toProposedContactResource, type ContactRecord } from "@/lib/authz/contact-resources";

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
});
