// Integration: the list page's own queries (findContactPage with the plan's filter, shareListsFor for the check) on
// PGlite and on PostgreSQL (TEST_DATABASE_URL), against the real PDP: paged lists over shared contacts equal what
// single checks allow, totals included.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCerbosClient, type CerbosClient } from "@/lib/authz/cerbos-client";
import { checkContactPermissions } from "@/lib/authz/check-contact-action";
import { checkContactActions } from "@/lib/authz/check-contacts";
import { CONTACT_PLAN_COLUMNS } from "@/lib/authz/contact-plan-columns";
import { planContactAccess } from "@/lib/authz/plan-contacts";
import { planToSql } from "@/lib/authz/plan-to-sql";
import { principalFromIdentity } from "@/lib/authz/principal";
import { shareListsFor, upsertShare } from "@/lib/contacts/contact-shares";
import { findContactPage, insertContact } from "@/lib/contacts/contact-store";
import { createRandom } from "@/lib/db/generate-contacts";
import { migrateDatabase } from "@/lib/db/migrate";
import { recordUsers } from "@/lib/db/user-directory";
import { startPdp, type PdpProcess } from "@/lib/testing/pdp-process";
import { testBackends, type TestDatabase } from "@/lib/testing/test-databases";

const SUBS = ["sub-ann", "sub-ben", "sub-cat", "sub-dan"];
const fields = { email: null, phone: null, company: null, notes: null };

let pdp: PdpProcess;
let cerbos: CerbosClient;
beforeAll(async () => {
  pdp = await startPdp(3811, 3812);
  cerbos = createCerbosClient({ url: pdp.url, timeoutMs: 5_000 });
});
afterAll(async () => pdp?.stop());

describe.each(testBackends(process.env.TEST_DATABASE_URL))("shared contacts listed on $name", (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await backend.open();
    await migrateDatabase(t.db, t.migrateOptions);
    await recordUsers(
      t.db,
      SUBS.map((sub) => ({ sub, email: `${sub}@example.com` })),
    );
    // Seeded: 60 contacts of the four, 60% private, each shared with each other person with probability 0.3.
    const random = createRandom(7_100);
    for (let i = 0; i < 60; i++) {
      const owner = SUBS[i % SUBS.length] as string;
      const row = await insertContact(t.db, owner, { ...fields, name: `Contact ${i}`, isPrivate: random() < 0.6 });
      for (const sub of SUBS.filter((other) => other !== owner && random() < 0.3)) {
        const role = random() < 0.5 ? "viewer" : "editor";
        await upsertShare(t.db, { contactId: row.id, sub, role, sharedBy: owner });
      }
    }
  }, 60_000);
  afterAll(async () => t?.dispose());

  it.each(SUBS)("%s: every page, for read and update, is what single checks allow", async (sub) => {
    const principal = principalFromIdentity({ sub, groups: ["user"] }).principal;
    const all = await findContactPage(t.db, { filter: undefined, search: undefined, limit: 100, offset: 0 });
    const lists = await shareListsFor(
      t.db,
      all.rows.map((row) => row.id),
    );
    const single = await Promise.all(
      all.rows.map((row) => checkContactPermissions(principal, { ...row, shares: lists.get(row.id)! }, cerbos)),
    );
    for (const action of ["read", "update"] as const) {
      const expected = all.rows.filter((_, i) => single[i]?.[action].allowed).map((row) => row.id);
      const filter = planToSql((await planContactAccess(principal, action, cerbos)).plan, CONTACT_PLAN_COLUMNS);
      if (filter.kind !== "where") throw new Error(`expected a filter, got ${filter.kind}`);
      const seen: string[] = [];
      for (let offset = 0; offset < 70; offset += 9) {
        const page = await findContactPage(t.db, { filter: filter.where, search: undefined, limit: 9, offset });
        expect(page, `${action} total`).toMatchObject({ total: expected.length, totalExact: true });
        const shares = await shareListsFor(
          t.db,
          page.rows.map((row) => row.id),
        );
        const rows = page.rows.map((row) => ({ ...row, shares: shares.get(row.id)! }));
        const checked = await checkContactActions(principal, rows, cerbos);
        expect(checked.contacts.every((c) => c.permissions[action].allowed)).toBe(true);
        seen.push(...page.rows.map((row) => row.id));
      }
      expect(seen.toSorted(), action).toEqual(expected.toSorted());
    }
    // The data decides something: some private contacts of others are readable only through a share.
    const sharedPrivate = all.rows.filter((row, i) => row.isPrivate && row.owner !== sub && single[i]?.read.allowed);
    expect(sharedPrivate.length).toBeGreaterThan(0);
  });
});
