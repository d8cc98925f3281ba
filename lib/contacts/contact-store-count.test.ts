import { eq, or, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COUNT_CAP, type ContactPageQuery, findContactPage } from "@/lib/contacts/contact-store";
import { contacts, type NewContactRow } from "@/lib/db/schema";
import { openMigrated, testBackends, type TestDatabase } from "@/lib/testing/test-databases";

const backends = testBackends(process.env.TEST_DATABASE_URL);

// One past the default cap, so the default is proven too; names sort in insertion order ("n0001" < "n1001").
const LONG = COUNT_CAP + 1;
function rows(): NewContactRow[] {
  return Array.from({ length: LONG }, (_, index) => ({
    owner: index % 2 === 0 ? "sub-alice" : "sub-bob",
    name: `n${String(index + 1).padStart(4, "0")}`,
    // Every third is private; the company makes a search that matches a known share of them.
    isPrivate: index % 3 === 0,
    company: index % 10 === 0 ? "Tenth Corp" : null,
  }));
}
// What Cerbos's plan becomes for alice (contact-plan-columns): her own, and everyone's public ones.
const aliceFilter = or(eq(contacts.owner, "sub-alice"), eq(contacts.isPrivate, false));
const aliceSees = rows().filter((row) => row.owner === "sub-alice" || !row.isPrivate);

describe.each(backends)("the capped count on $name", (backend) => {
  let t: TestDatabase;
  const page = (query: Partial<ContactPageQuery>) =>
    findContactPage(t.db, { filter: undefined, search: undefined, limit: 25, offset: 0, ...query });
  beforeAll(async () => {
    t = await openMigrated(backend);
    await t.db.delete(contacts);
    await t.db.insert(contacts).values(rows());
  }, 60_000);
  afterAll(async () => {
    await t?.dispose();
  });

  it("stops at the cap and says so, by default at 1,000", async () => {
    const first = await page({});
    expect(first).toMatchObject({ total: COUNT_CAP, totalExact: false });
    expect(first.rows.map((row) => row.name)).toEqual(
      rows()
        .slice(0, 25)
        .map((row) => row.name),
    );
    expect(await page({ countCap: 100 })).toMatchObject({ total: 100, totalExact: false });
  });

  it("is exact below the cap, and at the cap itself", async () => {
    expect(await page({ countCap: 5_000 })).toMatchObject({ total: LONG, totalExact: true });
    expect(await page({ countCap: LONG })).toMatchObject({ total: LONG, totalExact: true });
    expect(await page({ countCap: LONG - 1 })).toMatchObject({ total: LONG - 1, totalExact: false });
  });

  it("counts to the end of the page asked for, so a page near the end of a long list has the exact total", async () => {
    const last = await page({ countCap: 10, offset: 1_000 });
    expect(last).toMatchObject({ total: LONG, totalExact: true });
    expect(last.rows.map((row) => row.name)).toEqual(["n1001"]);
    // One page before the end: more rows than the page reaches, so the count is capped at its end.
    expect(await page({ countCap: 10, offset: 950, limit: 25 })).toMatchObject({ total: 975, totalExact: false });
    expect(await page({ countCap: 10, offset: 976, limit: 25 })).toMatchObject({ total: LONG, totalExact: true });
    // Past the end: nothing to show, and the exact total for the redirect to the last page.
    expect(await page({ countCap: 10, offset: 2_000 })).toMatchObject({ rows: [], total: LONG, totalExact: true });
  });

  it("counts only what the filter and the search let through", async () => {
    expect(await page({ filter: aliceFilter, countCap: 5_000 })).toMatchObject({
      total: aliceSees.length,
      totalExact: true,
    });
    expect(await page({ filter: aliceFilter, countCap: 100 })).toMatchObject({ total: 100, totalExact: false });
    const tenths = aliceSees.filter((row) => row.company === "Tenth Corp");
    const searched = await page({ filter: aliceFilter, search: "tenth", countCap: 10, limit: 5 });
    expect(searched).toMatchObject({ total: 10, totalExact: false });
    expect(searched.rows.map((row) => row.name)).toEqual(tenths.slice(0, 5).map((row) => row.name));
    expect(await page({ filter: aliceFilter, search: "tenth" })).toMatchObject({
      total: tenths.length,
      totalExact: true,
    });
    expect(await page({ filter: aliceFilter, search: "no such company" })).toMatchObject({
      rows: [],
      total: 0,
      totalExact: true,
    });
  });

  it("has the indexes the list's order and its counts use (lib/db/schema.ts says why)", async () => {
    const indexes = await t.db.execute<{ indexdef: string }>(
      sql`select indexdef from pg_indexes where tablename = 'contacts' and schemaname = current_schema()`,
    );
    const columns = indexes.rows.map((row) => /\((.*)\)$/.exec(row.indexdef)?.[1]);
    expect(columns).toEqual(expect.arrayContaining(["name, id", "private, owner"]));
    expect(columns).not.toContain("name");
  });
});
