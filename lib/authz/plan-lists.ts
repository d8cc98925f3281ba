/**
 * The allowlist a query plan is translated through (plan-to-sql.ts): which plan variables exist and what holds them.
 * A plain attribute is a column of the listed table; a list attribute (a contact's viewers) is a set of rows in
 * another table (its shares), and the one thing a plan may ask of it is membership: `value in list` becomes
 * EXISTS (select 1 from <table> where <table>.<key> = <listed row's key> and <member> = value and <only>).
 * Pure: no I/O; values reach the database only as bound parameters.
 */
import { Column, getTableName, is, sql, type SQL, type Table } from "drizzle-orm";

import { checkValue, renderValue } from "@/lib/authz/plan-values";
import { UnsupportedPlanError } from "@/lib/authz/unsupported-plan-error";

/** A list attribute held by the rows of `table` that point at the listed row and pass `only`. */
export type PlanListAttribute = {
  kind: "list";
  table: Table;
  /** `table`'s column naming the listed row, and the listed row's own key: `contact_shares.contact_id = contacts.id`. */
  references: { from: Column; to: Column };
  /** `table`'s column holding the member the plan asks about (the principal's id). */
  member: Column;
  /** Which of the rows make up this list (one table can hold several lists: viewers and editors). */
  only: { column: Column; value: string };
};

/** Allowlist: plan variable (e.g. `request.resource.attr.owner`) → the column or list holding that attribute. */
export type PlanColumns = Readonly<Record<string, Column | PlanListAttribute>>;

export type Fragment = { sql: SQL; text: string };

function entryFor(name: string, columns: PlanColumns): Column | PlanListAttribute {
  // hasOwn: a plan variable named like an Object.prototype member must not resolve to one.
  const entry = Object.hasOwn(columns, name) ? columns[name] : undefined;
  if (!entry) throw new UnsupportedPlanError(`Attribute "${name}" is not mapped to a column`);
  return entry;
}

/** A plain attribute: a list used anywhere but on the right of `in` (compared, bare, in a pattern) is refused. */
export function columnFor(name: string, columns: PlanColumns): Column {
  const entry = entryFor(name, columns);
  if (is(entry, Column)) return entry;
  throw new UnsupportedPlanError(`List attribute "${name}" may only be used as "value in ${name}"`);
}

function listFor(name: string, columns: PlanColumns): PlanListAttribute {
  const entry = entryFor(name, columns);
  if (!is(entry, Column) && entry.kind === "list") return entry;
  throw new UnsupportedPlanError(`"in" needs a list attribute on its right, "${name}" is not one`);
}

/** `value in list`: the value must be of the member column's type (a string sub), as CEL would compare it. */
export function toListMembership(name: string, value: unknown, columns: PlanColumns): Fragment {
  const list = listFor(name, columns);
  const member = checkValue(list.member, value);
  const { table, references, only } = list;
  return {
    sql: sql`exists (select 1 from ${table} where ${references.from} = ${references.to} and ${list.member} = ${member} and ${only.column} = ${only.value})`,
    text: `EXISTS(${getTableName(table)}: ${only.value} = ${renderValue(member)})`,
  };
}
