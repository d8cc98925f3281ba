// Integration: single checks against the real PDP with the real policies in cerbos/policies.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { AuthorizationUnavailableError, createCerbosClient, type CerbosClient } from "@/lib/authz/cerbos-client";
import { checkContactPermissions, explainContactAction } from "@/lib/authz/check-contact-action";
import { noShares, toContactResource, toProposedContactResource, type ShareLists } from "@/lib/authz/contact-resources";
import { principalFromIdentity } from "@/lib/authz/principal";
import { findClosedPortUrl, startSilentServer } from "@/lib/testing/fake-servers";
import { startPdp, type PdpProcess } from "@/lib/testing/pdp-process";

const ME = "sub-me";
const asPrincipal = (groups: string[]) => principalFromIdentity({ sub: ME, groups }).principal;
const admin = asPrincipal(["admin"]);
const user = asPrincipal(["user"]);
const nobody = asPrincipal([]);
const contact = (owner: string, isPrivate: boolean, shares: ShareLists = noShares()) =>
  toContactResource({ id: "c-1", owner, isPrivate, shares });
const sharedWithMe = (role: "viewers" | "editors", isPrivate: boolean) =>
  contact("someone-else", isPrivate, { ...noShares(), [role]: ["sub-other", ME] });

let pdp: PdpProcess;
let client: CerbosClient;

beforeAll(async () => {
  pdp = await startPdp(3796, 3797);
  client = createCerbosClient({ url: pdp.url, timeoutMs: 5_000 });
});
afterAll(async () => pdp?.stop());

describe("explainContactAction against the PDP", () => {
  it.each([
    ["admin creates for anyone", admin, "someone-else", { allowed: true, reason: "admin role" }],
    ["a user creates as owner", user, ME, { allowed: true, reason: "owner" }],
    ["a user creates in someone else's name", user, "someone-else", { allowed: false, reason: "not the owner" }],
    ["no_role creates as owner", nobody, ME, { allowed: false, reason: "no rule allows it" }],
  ])("create on proposed attributes: %s", async (_, principal, owner, expected) => {
    const resource = toProposedContactResource({ owner, isPrivate: true, shares: noShares() });
    await expect(explainContactAction(principal, resource, "create", client)).resolves.toEqual(expected);
  });

  it.each([
    [
      "admin updates someone else's",
      admin,
      "update",
      contact("someone-else", true),
      { allowed: true, reason: "admin role" },
    ],
    ["a user updates their own", user, "update", contact(ME, true), { allowed: true, reason: "owner" }],
    [
      "a user deletes someone else's",
      user,
      "delete",
      contact("someone-else", false),
      { allowed: false, reason: "not the owner" },
    ],
    [
      "a user reads someone else's public one",
      user,
      "read",
      contact("someone-else", false),
      { allowed: true, reason: "not private" },
    ],
    [
      "a user reads someone else's private one",
      user,
      "read",
      contact("someone-else", true),
      { allowed: false, reason: "private" },
    ],
    ["a user reads their own private one", user, "read", contact(ME, true), { allowed: true, reason: "owner" }],
    [
      "a viewer reads a private one",
      user,
      "read",
      sharedWithMe("viewers", true),
      { allowed: true, reason: "shared with you as viewer" },
    ],
    [
      "a viewer reads a public one (the share outranks not private)",
      user,
      "read",
      sharedWithMe("viewers", false),
      { allowed: true, reason: "shared with you as viewer" },
    ],
    ["a viewer updates", user, "update", sharedWithMe("viewers", true), { allowed: false, reason: "not the owner" }],
    [
      "an editor updates a private one",
      user,
      "update",
      sharedWithMe("editors", true),
      { allowed: true, reason: "shared with you as editor" },
    ],
    ["an editor deletes", user, "delete", sharedWithMe("editors", false), { allowed: false, reason: "not the owner" }],
    [
      "someone in no group reads what is shared with them",
      nobody,
      "read",
      sharedWithMe("editors", false),
      { allowed: false, reason: "no rule allows it" },
    ],
    [
      "a user reads a private one shared with others",
      user,
      "read",
      contact("someone-else", true, { viewers: ["sub-other"], editors: ["sub-third"] }),
      { allowed: false, reason: "private" },
    ],
  ] as const)("on a loaded record: %s", async (_, principal, action, resource, expected) => {
    await expect(explainContactAction(principal, resource, action, client)).resolves.toEqual(expected);
  });
});

describe("checkContactPermissions against the PDP", () => {
  it("decides read, update and delete on one loaded contact, with reasons", async () => {
    const row = { id: "c-1", owner: "someone-else", isPrivate: false, shares: noShares() };
    await expect(checkContactPermissions(user, row, client)).resolves.toEqual({
      read: { allowed: true, reason: "not private" },
      update: { allowed: false, reason: "not the owner" },
      delete: { allowed: false, reason: "not the owner" },
    });
    const denied = { allowed: false, reason: "no rule allows it" };
    await expect(checkContactPermissions(nobody, { ...row, owner: ME }, client)).resolves.toEqual({
      read: denied,
      update: denied,
      delete: denied,
    });
  });

  it("decides a shared contact by its share lists: an editor may read and update, never delete", async () => {
    const row = { id: "c-1", owner: "someone-else", isPrivate: true, shares: { viewers: [], editors: [ME] } };
    await expect(checkContactPermissions(user, row, client)).resolves.toEqual({
      read: { allowed: true, reason: "shared with you as editor" },
      update: { allowed: true, reason: "shared with you as editor" },
      delete: { allowed: false, reason: "not the owner" },
    });
  });
});

describe("single checks when the PDP is broken", () => {
  it("fail closed on a closed port and within the timeout on a PDP that never answers", async () => {
    const closed = createCerbosClient({ url: await findClosedPortUrl(), timeoutMs: 2_000 });
    await expect(explainContactAction(admin, contact(ME, false), "read", closed)).rejects.toThrow(
      AuthorizationUnavailableError,
    );
    const mine = { id: "c-1", owner: ME, isPrivate: false, shares: noShares() };
    await expect(checkContactPermissions(admin, mine, closed)).rejects.toThrow(AuthorizationUnavailableError);

    const silent = await startSilentServer();
    try {
      const started = Date.now();
      const hanging = createCerbosClient({ url: silent.url, timeoutMs: 300 });
      await expect(explainContactAction(admin, contact(ME, false), "read", hanging)).rejects.toThrow(
        AuthorizationUnavailableError,
      );
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      await silent.close();
    }
  });
});
