import { describe, expect, it } from "vitest";
import { needsTouch, newSessionTimes, sessionState, touchedTimes, TOUCH_INTERVAL_MS } from "@/lib/auth/session/expiry";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const timeouts = { idleMs: 8 * HOUR, absoluteMs: 7 * 24 * HOUR };
const start = new Date("2026-12-01T10:00:00Z");
const at = (ms: number) => new Date(start.getTime() + ms);

describe("session expiry", () => {
  it("starts active with idle and absolute expiries from the sign-in time", () => {
    const times = newSessionTimes(start, timeouts);
    expect(times).toEqual({
      createdAt: start,
      lastSeenAt: start,
      idleExpiresAt: at(8 * HOUR),
      absoluteExpiresAt: at(7 * 24 * HOUR),
    });
    expect(sessionState({ ...times, revokedAt: null }, at(8 * HOUR - 1))).toBe("active");
  });

  it("ends idle when no request came for the idle timeout, and expired at the absolute limit", () => {
    const times = { ...newSessionTimes(start, timeouts), revokedAt: null };
    expect(sessionState(times, at(8 * HOUR))).toBe("idle");
    const kept = { ...times, ...touchedTimes(times, at(7 * 24 * HOUR - HOUR), timeouts) };
    expect(sessionState(kept, at(7 * 24 * HOUR - 1))).toBe("active");
    expect(sessionState(kept, at(7 * 24 * HOUR))).toBe("expired");
  });

  it("never lets activity push the idle expiry past the absolute one", () => {
    const times = { ...newSessionTimes(start, timeouts), revokedAt: null };
    expect(touchedTimes(times, at(7 * 24 * HOUR - MINUTE), timeouts).idleExpiresAt).toEqual(times.absoluteExpiresAt);
    expect(newSessionTimes(start, { idleMs: 2 * HOUR, absoluteMs: HOUR }).idleExpiresAt).toEqual(at(HOUR));
  });

  it("says revoked before anything else", () => {
    const times = { ...newSessionTimes(start, timeouts), revokedAt: at(MINUTE) };
    expect(sessionState(times, at(2 * MINUTE))).toBe("revoked");
    expect(sessionState(times, at(8 * 24 * HOUR))).toBe("revoked");
  });

  it("writes last-seen at most once a minute", () => {
    const times = newSessionTimes(start, timeouts);
    expect(needsTouch({ ...times, revokedAt: null }, at(TOUCH_INTERVAL_MS - 1))).toBe(false);
    expect(needsTouch({ ...times, revokedAt: null }, at(TOUCH_INTERVAL_MS))).toBe(true);
  });
});
