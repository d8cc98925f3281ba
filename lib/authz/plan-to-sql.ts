/**
 * Turns a Cerbos query plan (PlanResources) into a Drizzle WHERE clause plus a readable rendering of it.
 * Pure: no I/O. Values reach the database only as bound parameters; `text` is for people, never for SQL.
 *
 * Supported (what Cerbos 0.51 emits for plain comparisons, checked against the real PDP):
 *   and, or, not · eq, ne, lt, le, gt, ge (attribute and value on either side; `== null` → IS NULL) ·
 *   in (attribute in a list of values) · in (a value in a list attribute, e.g. the principal's id in
 *   `request.resource.attr.viewers` → EXISTS over the table holding the list, see plan-lists.ts) ·
 *   contains, startsWith, endsWith (→ LIKE, escaped) · a bare boolean attribute · a boolean literal.
 * Anything else it emits (matches, hasIntersection, exists, exists_one, all, filter, map, size, index,
 * lowerAscii, add, if, timestamp, lambda, a list attribute anywhere but on the right of `in`, two attributes
 * compared), an attribute missing from the allowlist, a value of the wrong type for its column, or a malformed tree
 * throws UnsupportedPlanError. Callers treat that as deny: a plan this cannot translate faithfully must
 * never widen a list.
 */
import {
  and,
  eq,
  gt,
  gte,
  inArray,
  isNotNull,
  isNull,
  like,
  lt,
  lte,
  ne,
  not,
  or,
  sql,
  type Column,
  type SQL,
} from "drizzle-orm";
import type { PlanExpressionOperand, PlanKind } from "@cerbos/core";
import { columnFor, type Fragment, type PlanColumns, toListMembership } from "@/lib/authz/plan-lists";
import { checkValue, renderValue } from "@/lib/authz/plan-values";
import { escapeLike } from "@/lib/db/like";
import { UnsupportedPlanError } from "@/lib/authz/unsupported-plan-error";

/** The plan's filter: what PlanResources answers, minus the bookkeeping. */
export type PlanFilter = { kind: `${PlanKind}`; condition?: PlanExpressionOperand | undefined };

export type { PlanColumns, PlanListAttribute } from "@/lib/authz/plan-lists";

export type PlanQuery = { kind: "all" } | { kind: "none" } | { kind: "where"; where: SQL; text: string };

type Node = { operator: string; operands: unknown[] } | { name: string } | { value: unknown };
type Comparison = "eq" | "ne" | "lt" | "le" | "gt" | "ge";

const COMPARE = { eq, ne, lt, le: lte, gt, ge: gte } as const;
const SYMBOL: Record<Comparison, string> = { eq: "=", ne: "<>", lt: "<", le: "<=", gt: ">", ge: ">=" };
// `3 > x` is `x < 3`: the operator flips when the value comes first.
const FLIPPED: Record<Comparison, Comparison> = { eq: "eq", ne: "ne", lt: "gt", le: "ge", gt: "lt", ge: "le" };
const PATTERN = { contains: ["%", "%"], startsWith: ["", "%"], endsWith: ["%", ""] } as const;

export function planToSql(filter: PlanFilter, columns: PlanColumns): PlanQuery {
  switch (filter.kind) {
    case "KIND_ALWAYS_ALLOWED":
      return { kind: "all" };
    case "KIND_ALWAYS_DENIED":
      return { kind: "none" };
    case "KIND_CONDITIONAL": {
      if (filter.condition === undefined) throw new UnsupportedPlanError("A conditional plan without a condition");
      const { sql: where, text } = toCondition(filter.condition, columns);
      return { kind: "where", where, text };
    }
    default:
      throw new UnsupportedPlanError(`Unknown plan kind ${JSON.stringify(filter.kind)}`);
  }
}

function parseNode(node: unknown): Node {
  if (typeof node === "object" && node !== null) {
    if ("operator" in node && typeof node.operator === "string" && "operands" in node && Array.isArray(node.operands)) {
      return { operator: node.operator, operands: node.operands };
    }
    if ("name" in node && typeof node.name === "string") return { name: node.name };
    if ("value" in node) return { value: node.value };
  }
  throw new UnsupportedPlanError(`Malformed plan node ${JSON.stringify(node)}`);
}

function toCondition(node: unknown, columns: PlanColumns): Fragment {
  const parsed = parseNode(node);
  // A bare boolean attribute (`request.resource.attr.private`) means "is true".
  if ("name" in parsed) return compare("eq", columnFor(parsed.name, columns), true);
  if ("value" in parsed) {
    if (typeof parsed.value !== "boolean")
      throw new UnsupportedPlanError(`Non-boolean literal ${JSON.stringify(parsed.value)} used as a condition`);
    return { sql: parsed.value ? sql`true` : sql`false`, text: parsed.value ? "TRUE" : "FALSE" };
  }
  const { operator, operands } = parsed;
  switch (operator) {
    case "and":
    case "or":
      return combine(
        operator,
        flatten(operator, operands).map((operand) => toCondition(operand, columns)),
      );
    case "not":
      return negate(operands, columns);
    case "eq":
    case "ne":
    case "lt":
    case "le":
    case "gt":
    case "ge":
      return toComparison(operator, operands, columns);
    case "in":
      return toMembership(operands, columns);
    case "contains":
    case "startsWith":
    case "endsWith":
      return toPattern(operator, operands, columns);
    default:
      throw new UnsupportedPlanError(`Unsupported operator "${operator}"`);
  }
}

/** `a OR (b OR c)` is `a OR b OR c`: the PDP nests one `or` per rule (seen in 0.51), the inspector shows one list. */
function flatten(operator: "and" | "or", operands: unknown[]): unknown[] {
  return operands.flatMap((operand) => {
    const node = parseNode(operand);
    return "operator" in node && node.operator === operator ? flatten(operator, node.operands) : [operand];
  });
}

function combine(operator: "and" | "or", unordered: Fragment[]): Fragment {
  // The PDP lists operands in no fixed order (seen in 0.51); sorting keeps the text (and SQL) stable.
  const parts = unordered.toSorted((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  const joined = (operator === "and" ? and : or)(...parts.map((part) => part.sql));
  if (parts.length === 0 || joined === undefined) throw new UnsupportedPlanError(`"${operator}" without operands`);
  if (parts.length === 1 && parts[0]) return parts[0];
  return { sql: joined, text: `(${parts.map((part) => part.text).join(` ${operator.toUpperCase()} `)})` };
}

function negate(operands: unknown[], columns: PlanColumns): Fragment {
  if (operands.length !== 1) throw new UnsupportedPlanError(`"not" with ${operands.length} operands`);
  const operand = parseNode(operands[0]);
  if ("name" in operand) return compare("eq", columnFor(operand.name, columns), false);
  const inner = toCondition(operand, columns);
  return { sql: not(inner.sql), text: `NOT (${inner.text})` };
}

/** The attribute and the value of a binary node, the attribute first (flipping the operator if needed). */
function splitOperands(operator: string, operands: unknown[], columns: PlanColumns, canFlip: boolean) {
  const [left, right] = operands.length === 2 ? operands.map(parseNode) : [];
  if (left && right && "name" in left && "value" in right)
    return { column: columnFor(left.name, columns), value: right.value, flipped: false };
  if (canFlip && left && right && "value" in left && "name" in right) {
    return { column: columnFor(right.name, columns), value: left.value, flipped: true };
  }
  throw new UnsupportedPlanError(`"${operator}" needs an attribute${canFlip ? " and a value" : " then a value"}`);
}

function toComparison(operator: Comparison, operands: unknown[], columns: PlanColumns): Fragment {
  const { column, value, flipped } = splitOperands(operator, operands, columns, true);
  return compare(flipped ? FLIPPED[operator] : operator, column, value);
}

function compare(operator: Comparison, column: Column, value: unknown): Fragment {
  if (value === null && (operator === "eq" || operator === "ne")) {
    return operator === "eq"
      ? { sql: isNull(column), text: `${column.name} IS NULL` }
      : { sql: isNotNull(column), text: `${column.name} IS NOT NULL` };
  }
  const checked = checkValue(column, value);
  const ordersText = typeof checked === "string" && operator !== "eq" && operator !== "ne";
  // CEL orders strings by code point; "C" collation does too, whatever the database's default collation.
  const where = ordersText
    ? COMPARE[operator](sql`${column} collate "C"`, checked)
    : COMPARE[operator](column, checked);
  return { sql: where, text: `${column.name} ${SYMBOL[operator]} ${renderValue(checked)}` };
}

function toMembership(operands: unknown[], columns: PlanColumns): Fragment {
  const [left, right] = operands.length === 2 ? operands.map(parseNode) : [];
  if (left && right && "value" in left && "name" in right) return toListMembership(right.name, left.value, columns);
  const { column, value } = splitOperands("in", operands, columns, false);
  if (!Array.isArray(value)) throw new UnsupportedPlanError(`"in" needs a list, got ${JSON.stringify(value)}`);
  const values = value.map((item: unknown) => checkValue(column, item));
  if (values.length === 0) return { sql: sql`false`, text: "FALSE" };
  return { sql: inArray(column, values), text: `${column.name} IN (${values.map(renderValue).join(", ")})` };
}

function toPattern(operator: keyof typeof PATTERN, operands: unknown[], columns: PlanColumns): Fragment {
  const { column, value } = splitOperands(operator, operands, columns, false);
  const text = checkValue(column, value);
  if (typeof text !== "string") throw new UnsupportedPlanError(`"${operator}" needs a text attribute`);
  const [before, after] = PATTERN[operator];
  // The value is literal text: its LIKE wildcards and the escape character must not act as such.
  const pattern = `${before}${escapeLike(text)}${after}`;
  return { sql: like(column, pattern), text: `${column.name} LIKE ${renderValue(pattern)}` };
}
