import { PgDialect } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { contacts } from "@/lib/db/schema";

import { planToSql, type PlanColumns, type PlanFilter } from "@/lib/authz/plan-to-sql";
import { UnsupportedPlanError } from "@/lib/authz/unsupported-plan-error";
import { createContactsDb, testUuid, type ContactsDb } from "@/lib/testing/contacts-db";

const COLUMNS: PlanColumns = {
  "request.resource.attr.owner": contacts.owner,
  "request.resource.attr.private": contacts.isPrivate,
  "request.resource.attr.name": contacts.name,
  "request.resource.attr.version": contacts.version,
  "request.resource.attr.createdAt": contacts.createdAt,
};

// Plain objects shaped like the SDK's PlanExpression / PlanExpressionVariable / PlanExpressionValue.
const attr = (name: string) => ({ name: `request.resource.attr.${name}` });
const val = (value: unknown) => ({ value }) as { value: never };
const op = (operator: string, ...operands: unknown[]) => ({ operator, operands }) as never;
const conditional = (condition: unknown): PlanFilter => ({ kind: "KIND_CONDITIONAL", condition: condition as never });

// Row n has id testUuid(n). "Zed" sorts before "alice" by code point but after it in most locales.
const ROWS = [
  { owner: "alice", name: "Ada Lovelace", isPrivate: false, version: 1 },
  { owner: "alice", name: "Grace Hopper", isPrivate: true, version: 2 },
  { owner: "bob", name: "100% Pure", isPrivate: false, version: 3 },
  { owner: "bob", name: "under_score", isPrivate: true, version: 4 },
  { owner: "carol", name: "back\\slash", isPrivate: false, version: 5 },
  { owner: "carol", name: "O'Brien", isPrivate: true, version: 6 },
  { owner: "Zed", name: "zed", isPrivate: false, version: 7 },
].map((row, i) => ({ ...row, id: testUuid(i + 1) }));
const ids = (...rows: number[]) => rows.map(testUuid);

let db: ContactsDb;
beforeAll(async () => {
  db = await createContactsDb();
  await db.insertContacts(ROWS);
});
afterAll(async () => db?.close());

describe("planToSql: unconditional plans", () => {
  it("maps always-allowed to all and always-denied to none", () => {
    expect(planToSql({ kind: "KIND_ALWAYS_ALLOWED" }, COLUMNS)).toEqual({ kind: "all" });
    expect(planToSql({ kind: "KIND_ALWAYS_DENIED" }, COLUMNS)).toEqual({ kind: "none" });
  });
});

describe("planToSql: conditions, rendered and run against PGlite", () => {
  it.each([
    [
      "the user plan",
      op("or", op("eq", attr("owner"), val("alice")), op("eq", attr("private"), val(false))),
      "(owner = 'alice' OR private = false)",
      [1, 2, 3, 5, 7],
    ],
    [
      "and",
      op("and", op("eq", attr("owner"), val("bob")), op("eq", attr("private"), val(true))),
      "(owner = 'bob' AND private = true)",
      [4],
    ],
    [
      "and of three",
      op(
        "and",
        op("ge", attr("version"), val(2)),
        op("le", attr("version"), val(5)),
        op("eq", attr("private"), val(false)),
      ),
      "(private = false AND version <= 5 AND version >= 2)",
      [3, 5],
    ],
    [
      "or, operands in the other order",
      op("or", op("eq", attr("private"), val(false)), op("eq", attr("owner"), val("alice"))),
      "(owner = 'alice' OR private = false)",
      [1, 2, 3, 5, 7],
    ],
    [
      "nested and/or",
      op("or", op("and", op("eq", attr("owner"), val("bob")), attr("private")), op("eq", attr("version"), val(1))),
      "((owner = 'bob' AND private = true) OR version = 1)",
      [1, 4],
    ],
    [
      "or of or, as one list (the PDP nests one or per rule)",
      op("or", op("or", op("eq", attr("owner"), val("bob")), attr("private")), op("eq", attr("version"), val(1))),
      "(owner = 'bob' OR private = true OR version = 1)",
      [1, 2, 3, 4, 6],
    ],
    [
      "not of an expression",
      op("not", op("eq", attr("owner"), val("alice"))),
      "NOT (owner = 'alice')",
      [3, 4, 5, 6, 7],
    ],
    ["not of a boolean attribute", op("not", attr("private")), "private = false", [1, 3, 5, 7]],
    ["a bare boolean attribute", attr("private"), "private = true", [2, 4, 6]],
    ["a boolean literal", val(true), "TRUE", [1, 2, 3, 4, 5, 6, 7]],
    ["eq", op("eq", attr("name"), val("O'Brien")), "name = 'O''Brien'", [6]],
    ["eq, value first", op("eq", val("carol"), attr("owner")), "owner = 'carol'", [5, 6]],
    ["eq null", op("eq", attr("name"), val(null)), "name IS NULL", []],
    ["ne null", op("ne", attr("name"), val(null)), "name IS NOT NULL", [1, 2, 3, 4, 5, 6, 7]],
    ["ne", op("ne", attr("owner"), val("alice")), "owner <> 'alice'", [3, 4, 5, 6, 7]],
    ["lt", op("lt", attr("version"), val(3)), "version < 3", [1, 2]],
    ["le", op("le", attr("version"), val(3)), "version <= 3", [1, 2, 3]],
    ["gt", op("gt", attr("version"), val(5)), "version > 5", [6, 7]],
    ["ge", op("ge", attr("version"), val(5)), "version >= 5", [5, 6, 7]],
    ["gt, value first (3 > version)", op("gt", val(3), attr("version")), "version < 3", [1, 2]],
    ["le, value first (6 <= version)", op("le", val(6), attr("version")), "version >= 6", [6, 7]],
    ["lt on text, by code point", op("lt", attr("owner"), val("alice")), "owner < 'alice'", [7]],
    ["in", op("in", attr("owner"), val(["bob", "Zed"])), "owner IN ('bob', 'Zed')", [3, 4, 7]],
    ["in an empty list", op("in", attr("owner"), val([])), "FALSE", []],
    ["contains", op("contains", attr("name"), val("o")), "name LIKE '%o%'", [1, 2, 4]],
    ["contains a % literally", op("contains", attr("name"), val("0%")), "name LIKE '%0\\%%'", [3]],
    ["contains a _ literally", op("contains", attr("name"), val("r_s")), "name LIKE '%r\\_s%'", [4]],
    ["contains a backslash literally", op("contains", attr("name"), val("k\\s")), "name LIKE '%k\\\\s%'", [5]],
    ["startsWith", op("startsWith", attr("name"), val("Gr")), "name LIKE 'Gr%'", [2]],
    ["endsWith", op("endsWith", attr("name"), val("ace")), "name LIKE '%ace'", [1]],
    ["case-sensitive like CEL", op("startsWith", attr("name"), val("gr")), "name LIKE 'gr%'", []],
  ])("%s", async (_, condition, text, rows) => {
    const query = planToSql(conditional(condition), COLUMNS);
    expect(query).toMatchObject({ kind: "where", text });
    if (query.kind !== "where") throw new Error("expected a where clause");
    expect(await db.selectIds(query.where)).toEqual(ids(...rows));
  });

  it("binds values as parameters, never as SQL text", async () => {
    const evil = "x' OR '1'='1";
    const query = planToSql(conditional(op("eq", attr("owner"), val(evil))), COLUMNS);
    if (query.kind !== "where") throw new Error("expected a where clause");
    expect(new PgDialect().sqlToQuery(query.where)).toEqual({
      sql: '"contacts"."owner" = $1',
      params: [evil],
      typings: expect.anything(),
    });
    expect(await db.selectIds(query.where)).toEqual([]);
    expect(query.text).toBe("owner = 'x'' OR ''1''=''1'");
  });

  it('orders text by code point (collate "C"), as CEL does, whatever the database collation', () => {
    // PGlite's own collation is already "C", so the rows above cannot show it: check the SQL itself.
    const query = planToSql(conditional(op("ge", attr("owner"), val("a"))), COLUMNS);
    if (query.kind !== "where") throw new Error("expected a where clause");
    expect(new PgDialect().sqlToQuery(query.where)).toMatchObject({
      sql: '"contacts"."owner" collate "C" >= $1',
      params: ["a"],
    });
  });
});

describe("planToSql: refuses what it cannot translate faithfully", () => {
  it.each([
    ["an operator it does not know", op("matches", attr("name"), val("^A"))],
    ["a list operator", op("hasIntersection", attr("owner"), val(["a"]))],
    ["a lambda", op("exists", attr("owner"), op("lambda", op("eq", { name: "t" }, val("a")), { name: "t" }))],
    ["an attribute outside the allowlist", op("eq", attr("email"), val("a@example.com"))],
    ["an attribute named like an Object member", op("eq", { name: "constructor" }, val("a"))],
    ["a column type it does not compare", op("lt", attr("createdAt"), val("2020-01-01"))],
    ["a string compared with a boolean column", op("eq", attr("private"), val("false"))],
    ["a number compared with a text column", op("eq", attr("owner"), val(1))],
    ["a bare non-boolean attribute", attr("owner")],
    ["not of a non-boolean attribute", op("not", attr("owner"))],
    ["a non-boolean literal", val("yes")],
    ["two attributes compared", op("eq", attr("owner"), attr("name"))],
    ["two values compared", op("eq", val("a"), val("a"))],
    ["a comparison with three operands", op("eq", attr("owner"), val("a"), val("b"))],
    ["not with two operands", op("not", attr("private"), attr("private"))],
    ["and without operands", op("and")],
    ["in with the list attribute on the right", op("in", val("a"), attr("owner"))],
    ["in without a list", op("in", attr("owner"), val("alice"))],
    ["in with a mistyped element", op("in", attr("owner"), val(["alice", 1]))],
    ["contains on a boolean column", op("contains", attr("private"), val("t"))],
    ["contains with the value first", op("contains", val("alice"), attr("owner"))],
    ["an empty node", {}],
    ["null", null],
    ["operands that are not a list", { operator: "and", operands: "x" }],
  ])("throws UnsupportedPlanError for %s", (_, condition) => {
    expect(() => planToSql(conditional(condition), COLUMNS)).toThrow(UnsupportedPlanError);
  });

  it("throws for a conditional plan without a condition and for an unknown kind", () => {
    expect(() => planToSql({ kind: "KIND_CONDITIONAL" }, COLUMNS)).toThrow(UnsupportedPlanError);
    expect(() => planToSql({ kind: "KIND_UNSPECIFIED" } as never, COLUMNS)).toThrow(UnsupportedPlanError);
  });
});
