// List attributes in query plans (plan-lists.ts, through planToSql): `value in list` → EXISTS over the shares table,
// rendered and run against PGlite; everything else about a list attribute refused.
import { PgDialect } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { CONTACT_PLAN_COLUMNS } from "@/lib/authz/contact-plan-columns";
import { planToSql, type PlanFilter } from "@/lib/authz/plan-to-sql";
import { UnsupportedPlanError } from "@/lib/authz/unsupported-plan-error";
import { createContactsDb, testUuid, type ContactsDb } from "@/lib/testing/contacts-db";

const attr = (name: string) => ({ name: `request.resource.attr.${name}` });
const val = (value: unknown) => ({ value }) as { value: never };
const op = (operator: string, ...operands: unknown[]) => ({ operator, operands }) as never;
const conditional = (condition: unknown): PlanFilter => ({ kind: "KIND_CONDITIONAL", condition: condition as never });
// What Cerbos 0.51 emits for `request.principal.id in request.resource.attr.viewers` (seen on the real PDP).
const sharedAs = (list: "viewers" | "editors", sub: unknown) => op("in", val(sub), attr(list));

// Rows 1–4 owned by alice; 1 shared with bob as viewer, 2 with bob as editor, 3 with carol as viewer; 4 with nobody.
const ROWS = [1, 2, 3, 4].map((n) => ({
  id: testUuid(n),
  name: `Contact ${n}`,
  owner: "alice",
  isPrivate: n % 2 === 0,
}));
const SHARES = [
  { contactId: testUuid(1), sub: "bob", role: "viewer" },
  { contactId: testUuid(2), sub: "bob", role: "editor" },
  { contactId: testUuid(3), sub: "carol", role: "viewer" },
] as const;
const ids = (...rows: number[]) => rows.map(testUuid);

let db: ContactsDb;
beforeAll(async () => {
  db = await createContactsDb();
  await db.insertContacts(ROWS);
  await db.insertShares([...SHARES]);
});
afterAll(async () => db?.close());

describe("planToSql: membership in a share list", () => {
  it.each([
    ["bob in viewers", sharedAs("viewers", "bob"), "EXISTS(contact_shares: viewer = 'bob')", [1]],
    ["bob in editors", sharedAs("editors", "bob"), "EXISTS(contact_shares: editor = 'bob')", [2]],
    ["carol in editors", sharedAs("editors", "carol"), "EXISTS(contact_shares: editor = 'carol')", []],
    ["someone with no shares", sharedAs("viewers", "dave"), "EXISTS(contact_shares: viewer = 'dave')", []],
    [
      "the user plan for read (owner, not private, viewer, editor)",
      op(
        "or",
        op("or", op("eq", attr("owner"), val("bob")), op("eq", attr("private"), val(false))),
        sharedAs("viewers", "bob"),
        sharedAs("editors", "bob"),
      ),
      "(EXISTS(contact_shares: editor = 'bob') OR EXISTS(contact_shares: viewer = 'bob') OR owner = 'bob' OR private = false)",
      [1, 2, 3],
    ],
    [
      "not in viewers",
      op("not", sharedAs("viewers", "bob")),
      "NOT (EXISTS(contact_shares: viewer = 'bob'))",
      [2, 3, 4],
    ],
    [
      "in viewers and private",
      op("and", sharedAs("viewers", "carol"), op("eq", attr("private"), val(false))),
      "(EXISTS(contact_shares: viewer = 'carol') AND private = false)",
      [3],
    ],
  ])("%s", async (_, condition, text, rows) => {
    const query = planToSql(conditional(condition), CONTACT_PLAN_COLUMNS);
    expect(query).toMatchObject({ kind: "where", text });
    if (query.kind !== "where") throw new Error("expected a where clause");
    expect(await db.selectIds(query.where)).toEqual(ids(...rows));
  });

  it("binds the member and the role as parameters and correlates with the listed contact", async () => {
    const evil = "x' OR '1'='1";
    const query = planToSql(conditional(sharedAs("editors", evil)), CONTACT_PLAN_COLUMNS);
    if (query.kind !== "where") throw new Error("expected a where clause");
    expect(new PgDialect().sqlToQuery(query.where)).toEqual({
      sql:
        'exists (select 1 from "contact_shares" where "contact_shares"."contact_id" = "contacts"."id" and ' +
        '"contact_shares"."sub" = $1 and "contact_shares"."role" = $2)',
      params: [evil, "editor"],
      typings: expect.anything(),
    });
    expect(await db.selectIds(query.where)).toEqual([]);
  });
});

describe("planToSql: refuses a list attribute anywhere else", () => {
  it.each([
    ["a list compared with a value", op("eq", attr("viewers"), val(["bob"]))],
    ["a list as a bare condition", attr("viewers")],
    ["not of a bare list", op("not", attr("editors"))],
    ["a list on the left of in", op("in", attr("viewers"), val(["bob"]))],
    ["a list in a pattern", op("contains", attr("viewers"), val("bob"))],
    ["two lists intersected", op("hasIntersection", attr("viewers"), attr("editors"))],
    ["a list intersected with values", op("hasIntersection", attr("viewers"), val(["bob"]))],
    ["the size of a list", op("gt", op("size", attr("viewers")), val(0))],
    ["a list that is not mapped", sharedAs("owners" as never, "bob")],
    ["a plain column on the right of in", op("in", val("bob"), attr("owner"))],
    ["a non-string member", sharedAs("viewers", 1)],
    ["a null member", sharedAs("viewers", null)],
    ["a list of members", sharedAs("viewers", ["bob"])],
    ["an attribute as the member", op("in", attr("owner"), attr("viewers"))],
    ["in with three operands", op("in", val("bob"), attr("viewers"), attr("editors"))],
  ])("throws UnsupportedPlanError for %s", (_, condition) => {
    expect(() => planToSql(conditional(condition), CONTACT_PLAN_COLUMNS)).toThrow(UnsupportedPlanError);
  });
});
