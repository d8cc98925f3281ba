// Integration: share and unshare through the guarded mutations, against the real PDP and policies and PGlite.
import { describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import { getReadyDb } from "@/lib/db/migrate";
import { recordUsers } from "@/lib/db/user-directory";
import { MAX_SHARES_PER_CONTACT, upsertShare } from "@/lib/contacts/contact-shares";
import { shareContact, unshareContact } from "@/lib/contacts/share-mutations";
import { people, setUpSharingSuite } from "@/lib/testing/sharing-suite";

const { alice, bob, admin, nora } = people;
const { contactOf, sharesOf } = setUpSharingSuite(3814, 3815);

describe("shareContact", () => {
  it("lets the owner add, re-add and change a share, naming who shared it", async () => {
    const { id } = await contactOf(alice, true);
    expect(await shareContact(alice, { contactId: id, email: " Bob@Example.com ", role: "viewer" })).toMatchObject({
      status: "ok",
      change: "added",
      share: { email: "bob@example.com", role: "viewer", sharedBy: "alice@example.com" },
    });
    const again = await shareContact(alice, { contactId: id, email: "bob@example.com", role: "viewer" });
    expect(again).toMatchObject({ status: "ok", change: "unchanged" });
    const changed = await shareContact(alice, { contactId: id, email: "bob@example.com", role: "editor" });
    expect(changed).toMatchObject({ status: "ok", change: "changed", share: { role: "editor" } });
    expect(await sharesOf(id)).toEqual([{ email: "bob@example.com", role: "editor" }]);
  });

  it("lets an admin share anyone's private contact", async () => {
    const { id } = await contactOf(alice, true);
    const result = await shareContact(admin, { contactId: id, email: "carol@example.com", role: "editor" });
    expect(result).toMatchObject({ status: "ok", change: "added", share: { sharedBy: "admin@example.com" } });
  });

  it("refuses others: 403 on a contact they may read, 404 on one they may not; nothing is written", async () => {
    const open = await contactOf(alice, false);
    const hidden = await contactOf(alice, true);
    const share = { email: "carol@example.com", role: "editor" };
    expect(await shareContact(bob, { ...share, contactId: open.id })).toEqual({
      status: "forbidden",
      message: "You may not share this contact (not the owner).",
    });
    expect(await shareContact(bob, { ...share, contactId: hidden.id })).toEqual({ status: "not-found" });
    expect(await shareContact(nora, { ...share, contactId: open.id })).toEqual({ status: "not-found" });
    expect(await shareContact(null, { ...share, contactId: open.id })).toEqual({ status: "unauthenticated" });
    expect(await sharesOf(open.id)).toEqual([]);
    expect(await sharesOf(hidden.id)).toEqual([]);
  });

  it("gives every bad input its own error and writes nothing", async () => {
    const { id } = await contactOf(alice, true);
    const cases: [Record<string, unknown>, CurrentUser, Record<string, string[]>][] = [
      [
        { email: "nobody@example.com", role: "viewer" },
        alice,
        { email: ["No user with that email in the directory."] },
      ],
      [{ email: "alice@example.com", role: "viewer" }, alice, { email: ["You cannot share a contact with yourself."] }],
      [
        { email: "alice@example.com", role: "viewer" },
        admin,
        { email: ["alice@example.com owns this contact and has full access already."] },
      ],
      [{ email: "bob@example.com", role: "owner" }, alice, { role: ['Choose "viewer" or "editor".'] }],
      [{ email: "bob", role: "viewer" }, alice, { email: ["Enter a valid email address."] }],
      [{ role: "viewer" }, alice, { email: ["Enter the email of the person to share with."] }],
      [{ email: "bob@example.com", role: "viewer", sharedBy: "x" }, alice, { sharedBy: ['Unknown field "sharedBy".'] }],
    ];
    for (const [input, user, fieldErrors] of cases) {
      expect(await shareContact(user, { contactId: id, ...input }), JSON.stringify(input)).toEqual({
        status: "invalid",
        fieldErrors,
      });
    }
    const badId = await shareContact(alice, { contactId: "nope", email: "bob@example.com", role: "viewer" });
    expect(badId).toEqual({ status: "invalid", fieldErrors: { contactId: ["Not a contact id."] } });
    const gone = { contactId: "00000000-0000-4000-8000-000000000000", email: "bob@example.com", role: "viewer" };
    expect(await shareContact(alice, gone)).toEqual({ status: "not-found" });
    expect(await sharesOf(id)).toEqual([]);
  });

  it(`stops at ${MAX_SHARES_PER_CONTACT} shares, though a role can still change`, async () => {
    const { id } = await contactOf(alice, false);
    const db = await getReadyDb();
    const others = Array.from({ length: MAX_SHARES_PER_CONTACT }, (_, n) => ({ sub: `s${n}`, email: `s${n}@x.test` }));
    await recordUsers(db, others);
    for (const { sub } of others) await upsertShare(db, { contactId: id, sub, role: "viewer", sharedBy: alice.sub });
    const over = await shareContact(alice, { contactId: id, email: "bob@example.com", role: "viewer" });
    expect(over).toEqual({
      status: "invalid",
      fieldErrors: {
        email: [
          `This contact is shared with ${MAX_SHARES_PER_CONTACT} people already, the most allowed. Remove someone first.`,
        ],
      },
    });
    const change = await shareContact(alice, { contactId: id, email: "s0@x.test", role: "editor" });
    expect(change).toMatchObject({ status: "ok", change: "changed" });
    expect((await sharesOf(id)).length).toBe(MAX_SHARES_PER_CONTACT);
  });
});

describe("unshareContact", () => {
  it("revokes a share; revoking it again, or for someone unknown, says there was none", async () => {
    const { id } = await contactOf(alice, true);
    await shareContact(alice, { contactId: id, email: "bob@example.com", role: "viewer" });
    await shareContact(alice, { contactId: id, email: "carol@example.com", role: "editor" });
    expect(await unshareContact(alice, { contactId: id, email: "bob@example.com" })).toEqual({
      status: "ok",
      change: "removed",
      share: null,
    });
    expect(await sharesOf(id)).toEqual([{ email: "carol@example.com", role: "editor" }]);
    for (const email of ["bob@example.com", "nobody@example.com"]) {
      expect(await unshareContact(alice, { contactId: id, email })).toEqual({
        status: "no-share",
        message: `This contact is not shared with ${email}; nothing was changed.`,
      });
    }
    expect(await unshareContact(admin, { contactId: id, email: "carol@example.com" })).toMatchObject({ status: "ok" });
    expect(await sharesOf(id)).toEqual([]);
  });

  it("refuses those who may not share, and bad input, removing nothing", async () => {
    const open = await contactOf(alice, false);
    await shareContact(alice, { contactId: open.id, email: "carol@example.com", role: "viewer" });
    expect(await unshareContact(bob, { contactId: open.id, email: "carol@example.com" })).toEqual({
      status: "forbidden",
      message: "You may not share this contact (not the owner).",
    });
    expect(await unshareContact(alice, { contactId: open.id })).toEqual({
      status: "invalid",
      fieldErrors: { email: ["Enter the email of the person to share with."] },
    });
    expect(await sharesOf(open.id)).toEqual([{ email: "carol@example.com", role: "viewer" }]);
  });
});
