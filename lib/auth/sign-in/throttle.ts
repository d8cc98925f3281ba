import "server-only";
import { eq, lt } from "drizzle-orm";
import { headers } from "next/headers";
import { clientAddressFrom } from "@/lib/auth/sign-in/client-address";
import {
  type FailureCounter,
  minutesToWait,
  type SignInLimits,
  waitMs,
  withFailure,
} from "@/lib/auth/sign-in/throttle-policy";
import type { Database } from "@/lib/db/client";
import { getReadyDb } from "@/lib/db/migrate";
import { signInFailures } from "@/lib/db/schema";
import { getEnv } from "@/lib/env";

/**
 * Counts failed sign-ins in the database, so every app instance sees the same counts (PGlite and PostgreSQL alike).
 *
 * Hand-written rather than rate-limiter-flexible: its PostgreSQL store talks to a `pg` client and creates its table
 * at run time (here the schema comes from migrations, and PGlite is not a `pg` client), and its fixed-window points
 * have no "wait 1, 2, 4 ... minutes" without stacking limiters. One row per key, read `for update` and written in
 * one transaction, is all this needs.
 *
 * An attempt is counted as a failure *before* Cognito is asked and taken back when it succeeds: checking first and
 * counting after would let a burst of parallel guesses all pass the check.
 */

/** What one attempt touched, so it can be settled once Cognito has answered. */
export type Reservation = { entries: ReservedEntry[]; accountKey: string };
type ReservedEntry = { key: string; previous: FailureCounter | undefined; next: FailureCounter };
type Target = { key: string; maxFailures: number };

export type ThrottleKeys = { account: string; address: string };

export class SignInThrottleUnavailableError extends Error {
  override name = "SignInThrottleUnavailableError";
}

/** Trimmed and lower-cased, so `Alice@Example.com ` and `alice@example.com` share one count. */
export function normaliseAccount(email: string): string {
  return email.trim().toLowerCase();
}

function targetsFor(keys: ThrottleKeys, limits: SignInLimits): Target[] {
  // Always the same order, so two transactions never wait for each other's rows (no deadlock).
  return [
    { key: `address:${keys.address}`, maxFailures: limits.addressMaxFailures },
    { key: `account:${normaliseAccount(keys.account)}|${keys.address}`, maxFailures: limits.accountMaxFailures },
  ];
}

function counterOf(row: { failures: number; lastFailureAt: Date } | undefined): FailureCounter | undefined {
  return row && row.failures > 0 ? { failures: row.failures, lastFailureAt: row.lastFailureAt } : undefined;
}

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

async function lockRow(tx: Tx, key: string): Promise<FailureCounter | undefined> {
  // A placeholder first, so that `for update` has a row to lock even for a key never seen before.
  await tx
    .insert(signInFailures)
    .values({ key, failures: 0, lastFailureAt: new Date(0) })
    .onConflictDoNothing();
  const [row] = await tx.select().from(signInFailures).where(eq(signInFailures.key, key)).for("update");
  return counterOf(row);
}

/** Counts one attempt for the account from the address, unless either must wait; then nothing changes. */
export async function reserveAttempt(
  db: Database,
  keys: ThrottleKeys,
  limits: SignInLimits,
  now = new Date(),
): Promise<{ status: "allowed"; reservation: Reservation } | { status: "wait"; waitMs: number }> {
  const targets = targetsFor(keys, limits);
  return db.transaction(async (tx) => {
    const current = [];
    for (const target of targets) current.push({ ...target, previous: await lockRow(tx, target.key) });
    const wait = Math.max(...current.map((entry) => waitMs(entry.previous, now, entry.maxFailures, limits)));
    if (wait > 0) return { status: "wait" as const, waitMs: wait };
    const entries: ReservedEntry[] = [];
    for (const { key, maxFailures, previous } of current) {
      const next = withFailure(previous, now, maxFailures, limits);
      await tx.update(signInFailures).set(next).where(eq(signInFailures.key, key));
      entries.push({ key, previous, next });
    }
    return { status: "allowed" as const, reservation: { entries, accountKey: targets[1]?.key ?? "" } };
  });
}

/** Takes an attempt back: the exact earlier state if nothing counted since, else one failure less. */
async function refund(db: Database, entry: ReservedEntry): Promise<void> {
  await db.transaction(async (tx) => {
    const now = await lockRow(tx, entry.key);
    const untouched =
      now?.failures === entry.next.failures && now.lastFailureAt.getTime() === entry.next.lastFailureAt.getTime();
    const restored = untouched ? entry.previous : now && { ...now, failures: now.failures - 1 };
    if (!restored || restored.failures <= 0) await tx.delete(signInFailures).where(eq(signInFailures.key, entry.key));
    else await tx.update(signInFailures).set(restored).where(eq(signInFailures.key, entry.key));
  });
}

/**
 * After Cognito answered: a failure stays counted; a success clears this account's count from this address (not
 * from others: a sign-in here must not lift a lock someone else earned elsewhere) and takes back the address's;
 * an attempt Cognito never judged (it was down) is taken back entirely.
 */
export async function settleAttempt(
  db: Database,
  reservation: Reservation,
  outcome: "failure" | "success" | "void",
): Promise<void> {
  if (outcome === "failure") return;
  for (const entry of reservation.entries) {
    if (outcome === "success" && entry.key === reservation.accountKey) {
      await db.delete(signInFailures).where(eq(signInFailures.key, entry.key));
    } else {
      await refund(db, entry);
    }
  }
}

/**
 * Deletes counters no key can still be waiting on (older than the longest wait plus the window), so rows from
 * sprayed accounts and addresses do not pile up. Returns how many went.
 */
export async function purgeForgotten(db: Database, limits: SignInLimits, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - limits.maxLockMs - limits.windowMs);
  const purged = await db
    .delete(signInFailures)
    .where(lt(signInFailures.lastFailureAt, cutoff))
    .returning({ key: signInFailures.key });
  return purged.length;
}

/** The client's address for counting; requests whose address cannot be trusted share one "unknown" count. */
async function requestAddress(): Promise<string> {
  const forwardedFor = (await headers()).get("x-forwarded-for");
  return clientAddressFrom(forwardedFor, getEnv().TRUSTED_PROXY_COUNT) ?? "unknown";
}

export type ThrottledResult<T> = { status: "wait"; minutes: number } | { status: "done"; value: T };

type ThrottleContext = { openDb: () => Promise<Database>; address: () => Promise<string>; limits: SignInLimits };

/**
 * Runs one sign-in step for `account` under the throttle. `succeeded` judges Cognito's answer; an exception from
 * `attempt` takes the attempt back and is rethrown. Any failure before Cognito is asked (the database is down)
 * throws SignInThrottleUnavailableError without calling `attempt`: "unavailable", never an unthrottled attempt.
 */
export async function runThrottled<T>(
  context: ThrottleContext,
  account: string,
  attempt: () => Promise<T>,
  succeeded: (value: T) => boolean,
): Promise<ThrottledResult<T>> {
  let db: Database;
  let reserved: Awaited<ReturnType<typeof reserveAttempt>>;
  try {
    db = await context.openDb();
    reserved = await reserveAttempt(db, { account, address: await context.address() }, context.limits);
  } catch (error) {
    throw new SignInThrottleUnavailableError("The sign-in throttle could not be checked", { cause: error });
  }
  if (reserved.status === "wait") return { status: "wait", minutes: minutesToWait(reserved.waitMs) };
  const settle = (outcome: "failure" | "success" | "void") =>
    // Settling only ever relaxes the counts; if it fails they stay stricter than needed, which is safe.
    settleAttempt(db, reserved.reservation, outcome).catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : "unknown error";
      console.warn(`[auth] sign-in throttle could not be settled: ${reason}`);
    });
  let value: T;
  try {
    value = await attempt();
  } catch (error) {
    await settle("void");
    throw error;
  }
  await settle(succeeded(value) ? "success" : "failure");
  // One indexed delete per attempt that reached Cognito: cheap, and no timer to run on every instance.
  await purgeForgotten(db, context.limits).catch(() => undefined);
  return { status: "done", value };
}

/** runThrottled with the app's database, the request's address and the configured limits. */
export function throttled<T>(
  account: string,
  attempt: () => Promise<T>,
  succeeded: (value: T) => boolean,
): Promise<ThrottledResult<T>> {
  const context = { openDb: getReadyDb, address: requestAddress, limits: getEnv().signInLimits };
  return runThrottled(context, account, attempt, succeeded);
}

export function tooManyAttemptsMessage(minutes: number): string {
  return `Too many attempts. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
}
