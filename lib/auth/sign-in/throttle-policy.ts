/**
 * The sign-in throttle's arithmetic, free of I/O so it can be tested exactly. A counter holds the failures of one
 * key and when the last one happened; the database layer (sign-in-throttle.ts) reads and writes it atomically.
 */

export type SignInLimits = {
  accountMaxFailures: number;
  addressMaxFailures: number;
  windowMs: number;
  maxLockMs: number;
};

export type FailureCounter = { failures: number; lastFailureAt: Date };

const MINUTE_MS = 60_000;

/**
 * How long a key must wait after its `failures`-th failure: nothing below `maxFailures`, then 1, 2, 4 ... minutes
 * (doubling per further failure), never more than `maxLockMs`.
 */
export function lockDurationMs(failures: number, maxFailures: number, maxLockMs: number): number {
  if (failures < maxFailures) return 0;
  // 2^20 minutes is two years: past any sane maxLockMs, and small enough that the arithmetic stays exact.
  const doublings = Math.min(failures - maxFailures, 20);
  return Math.min(MINUTE_MS * 2 ** doublings, maxLockMs);
}

/** The counter still in force at `now`; undefined once its failures are forgotten (a quiet window after any wait). */
export function liveCounter(
  counter: FailureCounter | undefined,
  now: Date,
  maxFailures: number,
  limits: SignInLimits,
): FailureCounter | undefined {
  if (!counter) return undefined;
  const lockMs = lockDurationMs(counter.failures, maxFailures, limits.maxLockMs);
  const forgetAt = counter.lastFailureAt.getTime() + lockMs + limits.windowMs;
  return now.getTime() >= forgetAt ? undefined : counter;
}

/** Milliseconds until this key may try again (0: it may try now). */
export function waitMs(counter: FailureCounter | undefined, now: Date, maxFailures: number, limits: SignInLimits) {
  const live = liveCounter(counter, now, maxFailures, limits);
  if (!live) return 0;
  const until = live.lastFailureAt.getTime() + lockDurationMs(live.failures, maxFailures, limits.maxLockMs);
  return Math.max(0, until - now.getTime());
}

/** The counter after one more failure at `now`. */
export function withFailure(
  counter: FailureCounter | undefined,
  now: Date,
  maxFailures: number,
  limits: SignInLimits,
): FailureCounter {
  const live = liveCounter(counter, now, maxFailures, limits);
  return { failures: (live?.failures ?? 0) + 1, lastFailureAt: now };
}

/** Whole minutes to tell a person, rounded up so "Try again in 1 minute" is never early. */
export function minutesToWait(ms: number): number {
  return Math.max(1, Math.ceil(ms / MINUTE_MS));
}
