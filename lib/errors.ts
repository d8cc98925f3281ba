/**
 * Errors that decide an HTTP status must be recognised in every bundle. Next builds `instrumentation.ts`, route
 * handlers, pages and server actions as separate bundles, each with its own copy of a module's classes, so a plain
 * `instanceof` misses an error thrown by another copy (seen: DatabaseUnavailableError → 500 instead of 503).
 * A brand is a `Symbol.for` key, shared by every copy in the process; `Symbol.hasInstance` makes `instanceof`
 * check the brand, so callers keep writing `error instanceof X`.
 */

const BRAND_PREFIX = "contacts-app.error:";

// A mixin's base must be a constructor taking `any[]` (TypeScript TS2545), so `any` is unavoidable here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ErrorClass = new (...args: any[]) => Error;

function brandKey(brand: string): symbol {
  return Symbol.for(`${BRAND_PREFIX}${brand}`);
}

/** True when `value` was made by any copy of a class created with `brandedError(brand, …)`, or a subclass of one. */
export function isBranded(value: unknown, brand: string): boolean {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[brandKey(brand)] === true;
}

/**
 * A base class whose instances carry `brand`, and whose `instanceof` recognises them across bundles. Subclass it:
 * `class DatabaseUnavailableError extends brandedError("DatabaseUnavailableError") {}`; pass a branded parent as
 * `Base` to keep the parent's brand too (an expired token is still an invalid token).
 */
export function brandedError<TBase extends ErrorClass = typeof Error>(
  brand: string,
  Base: TBase = Error as unknown as TBase,
) {
  const key = brandKey(brand);
  return class Branded extends Base {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see ErrorClass
    constructor(...args: any[]) {
      super(...args);
      Object.defineProperty(this, key, { value: true });
    }

    static [Symbol.hasInstance](value: unknown): boolean {
      return isBranded(value, brand);
    }
  };
}
