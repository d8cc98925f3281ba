// Integration: what sharing does to reads (the Sharing section, revoked shares, sharees), and failing closed.
import { describe, expect, it } from "vitest";
import { updateContact } from "@/lib/contacts/contact-mutations";
import { getContactForUser, listContactsForUser } from "@/lib/contacts/contact-reads";
import { shareContact, unshareContact } from "@/lib/contacts/share-mutations";
import { getContactSharing } from "@/lib/contacts/share-reads";
import { people, setUpSharingSuite } from "@/lib/testing/sharing-suite";

const { alice, bob, carol, admin, nora } = people;
const { contactOf, sharesOf, withoutPdp } = setUpSharingSuite(3816, 3817);

describe("sharees (shared_viewer / shared_editor)", () => {
  it("a viewer or an editor may not share, change or revoke shares, their own included", async () => {
    const { id } = await contactOf(alice, true);
    await shareContact(alice, { contactId: id, email: "bob@example.com", role: "viewer" });
    await shareContact(alice, { contactId: id, email: "carol@example.com", role: "editor" });
    for (const sharee of [bob, carol]) {
      const refused = {
        status: "forbidden",
        message: expect.stringMatching(/^You may not share this contact \(.+\)\.$/),
      };
      expect(await shareContact(sharee, { contactId: id, email: "nora@example.com", role: "viewer" })).toEqual(refused);
      expect(await shareContact(sharee, { contactId: id, email: "bob@example.com", role: "editor" })).toEqual(refused);
      expect(await unshareContact(sharee, { contactId: id, email: sharee.email })).toEqual(refused);
    }
    expect(await sharesOf(id)).toEqual([
      { email: "bob@example.com", role: "viewer" },
      { email: "carol@example.com", role: "editor" },
    ]);
  });

  it("a revoked share is gone at the next request: the contact is no longer readable nor listed", async () => {
    const { id } = await contactOf(alice, true);
    await shareContact(alice, { contactId: id, email: "bob@example.com", role: "editor" });
    expect((await getContactForUser(bob, id))?.permissions.update.allowed).toBe(true);
    expect((await listContactsForUser(bob, {})).contacts.map((contact) => contact.id)).toContain(id);
    await unshareContact(alice, { contactId: id, email: "bob@example.com" });
    expect(await getContactForUser(bob, id)).toBeNull();
    expect((await listContactsForUser(bob, {})).contacts.map((contact) => contact.id)).not.toContain(id);
    expect(await updateContact(bob, { id, version: 1, changes: { notes: "late" } })).toEqual({ status: "not-found" });
  });
});

describe("getContactSharing (the Sharing section and GET …/shares)", () => {
  it("lists every share to those who may share; a sharee sees only their own; others nothing", async () => {
    const open = await contactOf(alice, false);
    await shareContact(alice, { contactId: open.id, email: "bob@example.com", role: "viewer" });
    await shareContact(alice, { contactId: open.id, email: "carol@example.com", role: "editor" });
    for (const manager of [alice, admin]) {
      const sharing = await getContactSharing(manager, open.id);
      expect(sharing?.access.share.allowed).toBe(true);
      expect(sharing?.shares.map(({ email }) => email)).toEqual(["bob@example.com", "carol@example.com"]);
    }
    const asBob = await getContactSharing(bob, open.id);
    expect(asBob).toMatchObject({ access: { share: { allowed: false } }, shares: [], yours: { role: "viewer" } });
    expect(asBob?.yours).toMatchObject({ email: "bob@example.com", sharedBy: "alice@example.com" });
    const hidden = await contactOf(alice, true);
    expect(await getContactSharing(bob, hidden.id)).toBeNull();
    expect(await getContactSharing(nora, open.id)).toBeNull();
    expect(await getContactSharing(alice, "not-an-id")).toBeNull();
  });
});

describe("without an answer from Cerbos", () => {
  it("shares nothing, revokes nothing and shows no sharing (fails closed)", async () => {
    const { id } = await contactOf(alice, true);
    await shareContact(alice, { contactId: id, email: "bob@example.com", role: "viewer" });
    await withoutPdp(async () => {
      const unavailable = { status: "unavailable", reason: "cerbos" };
      expect(await shareContact(alice, { contactId: id, email: "carol@example.com", role: "editor" })).toEqual(
        unavailable,
      );
      expect(await unshareContact(alice, { contactId: id, email: "bob@example.com" })).toEqual(unavailable);
      await expect(getContactSharing(alice, id)).rejects.toMatchObject({ name: "AuthorizationUnavailableError" });
      expect(await sharesOf(id)).toEqual([{ email: "bob@example.com", role: "viewer" }]);
    });
  });
});
