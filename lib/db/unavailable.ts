import "server-only";
import type { SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgSession } from "drizzle-orm/pg-core";
import { brandedError } from "@/lib/errors";

/** The database cannot be reached or refuses connections: pages and handlers answer 503, never a guess. */
export class DatabaseUnavailableError extends brandedError("DatabaseUnavailableError") {
  override name = "DatabaseUnavailableError";

  constructor(options?: { cause?: unknown }) {
    super("The database is unavailable", options);
  }
}

// Socket-level failures from Node (pg reports them raw, sometimes inside an AggregateError for ::1 + 127.0.0.1).
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
]);
// SQLSTATEs meaning "this server will not serve you right now": connection exceptions (class 08), shutdown or
// start-up in progress, too many connections, bad credentials, missing database, and a statement cancelled by
// statement_timeout (57014, query_canceled). All are outages for a visitor.
const SQLSTATE_PREFIXES = ["08"];
const SQLSTATES = new Set(["57P01", "57P02", "57P03", "57014", "53300", "28000", "28P01", "3D000"]);
// pg's own messages for a pool that cannot get or keep a connection, and its client-side query_timeout; no code.
const PG_MESSAGES = [/timeout exceeded when trying to connect/i, /^Connection terminated/i, /^Query read timeout$/];

function directCauses(error: object): unknown[] {
  const causes: unknown[] = [];
  if ("cause" in error) causes.push(error.cause);
  if (error instanceof AggregateError) causes.push(...error.errors);
  return causes;
}

function isConnectionFailureItself(error: object): boolean {
  const code = "code" in error && typeof error.code === "string" ? error.code : undefined;
  if (code && (NETWORK_CODES.has(code) || SQLSTATES.has(code) || SQLSTATE_PREFIXES.some((p) => code.startsWith(p))))
    return true;
  // Drizzle's wrapper repeats the query's parameters in its message, so only a driver's own message counts.
  if (!(error instanceof Error) || "query" in error) return false;
  return PG_MESSAGES.some((pattern) => pattern.test(error.message));
}

/** True when the error, or anything in its `cause` chain, says the server could not be reached or used. */
export function isConnectionFailure(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 8) return false;
  if (error instanceof DatabaseUnavailableError || isConnectionFailureItself(error)) return true;
  return directCauses(error).some((cause) => isConnectionFailure(cause, depth + 1));
}

/**
 * A query the database refused (a bug, never user input: validation stops that first). Drizzle's own error puts
 * every parameter in its message and the driver's `detail` can quote a row, and Next logs unhandled errors in full,
 * so this keeps only the statement (placeholders, no values) and the SQLSTATE; `cause.code` stays for callers.
 */
export class DatabaseQueryError extends Error {
  override name = "DatabaseQueryError";
  readonly code: string | undefined;

  constructor(query: string, code: string | undefined) {
    super(`A database query failed (SQLSTATE ${code ?? "unknown"}): ${query.slice(0, 300)}`, { cause: { code } });
    this.code = code;
  }
}

function redactQueryError(error: unknown): unknown {
  if (!(error instanceof Error) || !("query" in error) || typeof error.query !== "string") return error;
  const cause = error.cause;
  const code =
    typeof cause === "object" && cause !== null && "code" in cause && typeof cause.code === "string"
      ? cause.code
      : undefined;
  return new DatabaseQueryError(error.query, code);
}

/** The error to rethrow: a DatabaseUnavailableError when `isUnavailable` says so, a redacted one otherwise. */
export function toDatabaseError(
  error: unknown,
  isUnavailable: (error: unknown) => boolean = isConnectionFailure,
): unknown {
  if (error instanceof DatabaseUnavailableError) return error;
  return isUnavailable(error) ? new DatabaseUnavailableError({ cause: error }) : redactQueryError(error);
}

type AnySession = PgSession<PgQueryResultHKT, Record<string, unknown>>;

/**
 * Makes every query of `db` reject with DatabaseUnavailableError on an outage. Drizzle wraps each driver error in
 * a DrizzleQueryError (with the driver error as `cause`), so the typed error has to be raised above it: this wraps
 * the session's prepared queries, `all` and transactions: the paths every builder, `db.execute`, `db.$count` and the
 * migrator take.
 */
export function guardDatabase<T extends PgDatabase<PgQueryResultHKT, Record<string, unknown>>>(
  db: T,
  isUnavailable: (error: unknown) => boolean,
): T {
  const session = db._.session as AnySession;
  const rethrow = (error: unknown): never => {
    throw toDatabaseError(error, isUnavailable);
  };
  const prepareQuery = session.prepareQuery.bind(session);
  session.prepareQuery = (...args) => {
    const prepared = prepareQuery(...args);
    const execute = prepared.execute.bind(prepared);
    prepared.execute = (...rest: Parameters<typeof execute>) => execute(...rest).catch(rethrow);
    return prepared;
  };
  const all = session.all.bind(session);
  session.all = <R>(query: SQL) => all<R>(query).catch(rethrow);
  const transaction = session.transaction.bind(session);
  session.transaction = (run, config) => transaction(run, config).catch(rethrow);
  return db;
}
