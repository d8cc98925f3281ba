/**
 * When a registered session ends (OWASP ASVS V7.3): after `idleMs` without a request, and `absoluteMs` after
 * sign-in whatever happens. Pure, so the rules are tested without a database or a clock.
 */
export type SessionTimeouts = { idleMs: number; absoluteMs: number };

export type SessionTimes = { lastSeenAt: Date; idleExpiresAt: Date; absoluteExpiresAt: Date; revokedAt: Date | null };

export type SessionState = "active" | "revoked" | "idle" | "expired";

/**
 * Last-seen is written at most this often, so a busy session costs one write a minute, not one per request; the
 * idle timeout may then end a session up to this much early, which errs on the safe side.
 */
export const TOUCH_INTERVAL_MS = 60_000;

function earlier(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

export function newSessionTimes(now: Date, timeouts: SessionTimeouts) {
  const absoluteExpiresAt = new Date(now.getTime() + timeouts.absoluteMs);
  const idleExpiresAt = earlier(new Date(now.getTime() + timeouts.idleMs), absoluteExpiresAt);
  return { createdAt: now, lastSeenAt: now, idleExpiresAt, absoluteExpiresAt };
}

/** Revocation wins over expiry, and the absolute limit over the idle one, so the message names the real reason. */
export function sessionState(session: SessionTimes, now: Date): SessionState {
  if (session.revokedAt) return "revoked";
  if (now.getTime() >= session.absoluteExpiresAt.getTime()) return "expired";
  if (now.getTime() >= session.idleExpiresAt.getTime()) return "idle";
  return "active";
}

export function needsTouch(session: SessionTimes, now: Date): boolean {
  return now.getTime() - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS;
}

/** A request at `now` pushes the idle expiry out, never past the absolute one. */
export function touchedTimes(session: SessionTimes, now: Date, timeouts: SessionTimeouts) {
  const idleExpiresAt = earlier(new Date(now.getTime() + timeouts.idleMs), session.absoluteExpiresAt);
  return { lastSeenAt: now, idleExpiresAt };
}
