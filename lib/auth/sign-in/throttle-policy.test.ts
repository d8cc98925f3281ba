import { describe, expect, it } from "vitest";
import {
  type FailureCounter,
  liveCounter,
  lockDurationMs,
  minutesToWait,
  waitMs,
  withFailure,
} from "@/lib/auth/sign-in/throttle-policy";

const MINUTE = 60_000;
const limits = { accountMaxFailures: 5, addressMaxFailures: 100, windowMs: 15 * MINUTE, maxLockMs: 15 * MINUTE };
const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1) + minutes * MINUTE);

describe("lockDurationMs", () => {
  it("waits nothing below the limit, then 1, 2, 4, 8 minutes, capped at the maximum", () => {
    const schedule = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 60].map((n) => lockDurationMs(n, 5, 15 * MINUTE) / MINUTE);
    expect(schedule).toEqual([0, 0, 0, 0, 1, 2, 4, 8, 15, 15, 15]);
  });

  it("stays finite for absurd counts", () => {
    expect(lockDurationMs(10_000, 5, 24 * 60 * MINUTE)).toBe(24 * 60 * MINUTE);
  });
});

describe("counters over time", () => {
  const fail = (counter: FailureCounter | undefined, minute: number) => withFailure(counter, at(minute), 5, limits);

  it("locks after the fifth failure in a row and lets the key try again when the wait is over", () => {
    let counter: FailureCounter | undefined;
    for (let i = 0; i < 4; i++) counter = fail(counter, 0);
    expect(waitMs(counter, at(0), 5, limits)).toBe(0);
    counter = fail(counter, 0);
    expect(waitMs(counter, at(0), 5, limits)).toBe(MINUTE);
    expect(waitMs(counter, at(0.5), 5, limits)).toBe(MINUTE / 2);
    expect(waitMs(counter, at(1), 5, limits)).toBe(0);
    counter = fail(counter, 1);
    expect(waitMs(counter, at(1), 5, limits)).toBe(2 * MINUTE);
  });

  it("forgets failures after a quiet window, counted from the end of any wait", () => {
    const below = fail(fail(undefined, 0), 0);
    expect(liveCounter(below, at(14.9), 5, limits)).toBe(below);
    expect(liveCounter(below, at(15), 5, limits)).toBeUndefined();
    expect(fail(below, 15).failures).toBe(1);
    const locked: FailureCounter = { failures: 9, lastFailureAt: at(0) };
    expect(liveCounter(locked, at(29), 5, limits)).toBe(locked);
    expect(fail(locked, 29).failures).toBe(10);
    expect(fail(locked, 30).failures).toBe(1);
  });

  it("tells people whole minutes, rounded up", () => {
    expect([1, MINUTE, MINUTE + 1, 14.2 * MINUTE].map(minutesToWait)).toEqual([1, 1, 2, 15]);
  });
});
