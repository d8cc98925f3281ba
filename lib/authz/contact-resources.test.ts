import { describe, expect, it } from "vitest";

import {
  noShares,
  toContactResource,
  toProposedContactResource,
  type ContactRecord,
} from "@/lib/authz/contact-resources";

describe("contact resources", () => {
  it("describes a contact to Cerbos by kind, id, owner, privacy and share lists only", () => {
    const record: ContactRecord = {
      id: "c-9",
      name: "Katherine Johnson",
      owner: "sub-1",
      isPrivate: true,
      shares: { viewers: ["sub-3", "sub-2"], editors: ["sub-4"] },
    };
    expect(toContactResource(record)).toEqual({
      kind: "contact",
      id: "c-9",
      attr: { owner: "sub-1", private: true, viewers: ["sub-2", "sub-3"], editors: ["sub-4"] },
    });
    // Sorted into new arrays: the record's own lists are left as they were.
    expect(record.shares.viewers).toEqual(["sub-3", "sub-2"]);
  });

  it("sends empty lists for a contact shared with nobody, never leaves them out", () => {
    const { attr } = toContactResource({ id: "c-1", owner: "sub-1", isPrivate: false, shares: noShares() });
    expect(attr).toEqual({ owner: "sub-1", private: false, viewers: [], editors: [] });
  });

  it("describes proposed attributes under a placeholder id, or the id of the contact being edited, with its shares", () => {
    expect(toProposedContactResource({ owner: "sub-1", isPrivate: false, shares: noShares() })).toEqual({
      kind: "contact",
      id: "new",
      attr: { owner: "sub-1", private: false, viewers: [], editors: [] },
    });
    const edited = toProposedContactResource({
      owner: "sub-1",
      isPrivate: true,
      id: "c-9",
      shares: { viewers: [], editors: ["sub-2"] },
    });
    expect(edited).toMatchObject({ id: "c-9", attr: { private: true, editors: ["sub-2"] } });
  });
});
