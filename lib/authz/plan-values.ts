/** The values a query plan compares with a column: checked against the column's type, and shown to people. Pure. */
import type { Column } from "drizzle-orm";

import { UnsupportedPlanError } from "@/lib/authz/unsupported-plan-error";

export type PlanValue = string | number | boolean;

const JS_TYPE_OF: Partial<Record<string, string>> = { string: "string", number: "number", boolean: "boolean" };

function isPlanValue(value: unknown): value is PlanValue {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

/** CEL says a value of another type is simply unequal; SQL would cast ('false' = false), so refuse instead. */
export function checkValue(column: Column, value: unknown): PlanValue {
  const expected = JS_TYPE_OF[column.dataType];
  if (expected === undefined)
    throw new UnsupportedPlanError(`Column "${column.name}" (${column.dataType}) is not supported`);
  if (!isPlanValue(value) || typeof value !== expected) {
    throw new UnsupportedPlanError(
      `${JSON.stringify(value)} cannot be compared with "${column.name}" (${column.dataType})`,
    );
  }
  return value;
}

/** For the inspector only: SQL-looking literals, quotes doubled. */
export function renderValue(value: PlanValue): string {
  return typeof value === "string" ? `'${value.replaceAll("'", "''")}'` : String(value);
}
