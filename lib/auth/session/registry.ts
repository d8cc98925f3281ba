import "server-only";
import { randomBytes } from "node:crypto";
import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import {
  needsTouch,
  newSessionTimes,
  sessionState,
  touchedTimes,
  type SessionState,
  type SessionTimeouts,
} from "@/lib/auth/session/expiry";
import type { Database } from "@/lib/db/client";
import { sessions, userRefreshMarks, type SessionRow } from "@/lib/db/schema";

/**
 * The server-side session registry: data access only. Every lookup is by primary key (or the origin_jti index),
 * and nothing is cached in process memory, so a session revoked on one instance is ended on all of them.
 */

export type SessionMethod = SessionRow["method"];

export type NewSession = { sub: string; method: SessionMethod; userAgent: string; originJti: string | undefined };

/** 256 random bits, base64url: the secret the cookie carries. */
export const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newSessionId(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * A new session starts with its user's refresh mark, if any: tokens obtained before an admin changed the user but
 * registered after requireRefresh marked the live sessions would otherwise keep the old groups. The mark only
 * refreshes tokens issued before it (refresh-mark.ts), so a fresh sign-in is unaffected.
 */
export async function createSession(db: Database, input: NewSession, timeouts: SessionTimeouts, now = new Date()) {
  const row = {
    id: newSessionId(),
    ...input,
    originJti: input.originJti ?? null,
    refreshRequiredAt: sql`(select ${userRefreshMarks.markedAt} from ${userRefreshMarks} where ${userRefreshMarks.sub} = ${input.sub})`,
    ...newSessionTimes(now, timeouts),
  };
  const [created] = await db.insert(sessions).values(row).returning();
  if (!created) throw new Error("the session row was not created");
  return created;
}

export async function findSession(db: Database, id: string): Promise<SessionRow | null> {
  if (!SESSION_ID_PATTERN.test(id)) return null;
  const [row] = await db.select().from(sessions).where(eq(sessions.id, id)).limit(1);
  return row ?? null;
}

export type SessionCheck = { state: SessionState; session: SessionRow | null };

/**
 * The state of the session `id` at `now`, writing last-seen (and so the idle expiry) only when it is a minute old:
 * one primary-key read per request, and a write at most once a minute per session.
 */
export async function checkSession(
  db: Database,
  id: string,
  timeouts: SessionTimeouts,
  now = new Date(),
): Promise<SessionCheck> {
  const session = await findSession(db, id);
  if (!session) return { state: "revoked", session: null };
  const state = sessionState(session, now);
  if (state === "active" && needsTouch(session, now)) {
    const times = touchedTimes(session, now, timeouts);
    await db
      .update(sessions)
      .set(times)
      .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));
    return { state, session: { ...session, ...times } };
  }
  return { state, session };
}

/** Revokes one session, only if it belongs to `sub`: a forged id of someone else's session changes nothing. */
export async function revokeSession(db: Database, id: string, sub: string, now = new Date()): Promise<boolean> {
  if (!SESSION_ID_PATTERN.test(id)) return false;
  const revoked = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.id, id), eq(sessions.sub, sub), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return revoked.length > 0;
}

/** Ends a session by its id alone: for the browser that holds it (its sealed cookie is the proof), at sign-out. */
export async function endSession(db: Database, id: string, now = new Date()): Promise<void> {
  if (!SESSION_ID_PATTERN.test(id)) return;
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));
}

export async function revokeAllSessions(db: Database, sub: string, now = new Date()): Promise<number> {
  const revoked = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.sub, sub), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return revoked.length;
}

const liveSessionsOf = (sub: string, now: Date) =>
  and(
    eq(sessions.sub, sub),
    isNull(sessions.revokedAt),
    gt(sessions.idleExpiresAt, now),
    gt(sessions.absoluteExpiresAt, now),
  );

/** The user's sessions that could still be used, most recently seen first. */
export async function listActiveSessions(db: Database, sub: string, now = new Date()): Promise<SessionRow[]> {
  return db.select().from(sessions).where(liveSessionsOf(sub, now)).orderBy(desc(sessions.lastSeenAt)).limit(100);
}

/**
 * After a change to `sub`'s groups at Cognito (call this only once Cognito has made it): every live session's next
 * request refreshes its tokens, and Bearer tokens issued before `now` are refused. Returns how many sessions were
 * marked; ended sessions are left alone. One transaction, so the user's mark and the sessions' never disagree.
 */
export async function requireRefresh(db: Database, sub: string, now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    await tx
      .insert(userRefreshMarks)
      .values({ sub, markedAt: now })
      // Never moves back: a late, older mark must not re-admit tokens a newer one refused.
      .onConflictDoUpdate({
        target: userRefreshMarks.sub,
        set: { markedAt: sql`greatest(${userRefreshMarks.markedAt}, excluded.marked_at)` },
      });
    const marked = await tx
      .update(sessions)
      .set({ refreshRequiredAt: now })
      .where(liveSessionsOf(sub, now))
      .returning({ id: sessions.id });
    return marked.length;
  });
}

/**
 * After a successful refresh: clears the session's mark only if it is still `seen` (read before the refresh), so a
 * mark set while Cognito was answering survives and the next request refreshes again.
 */
export async function clearRefreshMark(db: Database, id: string, seen: Date): Promise<boolean> {
  const cleared = await db
    .update(sessions)
    .set({ refreshRequiredAt: null })
    .where(and(eq(sessions.id, id), eq(sessions.refreshRequiredAt, seen)))
    .returning({ id: sessions.id });
  return cleared.length > 0;
}

/** The user's newest mark (a primary-key read), for Bearer tokens, which need not belong to any session here. */
export async function findUserRefreshMark(db: Database, sub: string): Promise<Date | null> {
  const [row] = await db
    .select({ markedAt: userRefreshMarks.markedAt })
    .from(userRefreshMarks)
    .where(eq(userRefreshMarks.sub, sub))
    .limit(1);
  return row?.markedAt ?? null;
}

/** The session a Cognito sign-in (its origin_jti) belongs to, if this app started it. */
export async function findSessionByOrigin(db: Database, originJti: string): Promise<SessionRow | null> {
  const [row] = await db.select().from(sessions).where(eq(sessions.originJti, originJti)).limit(1);
  return row ?? null;
}

/** Records the origin_jti of a session's newest tokens (Cognito keeps it across refreshes; this holds if not). */
export async function recordOrigin(db: Database, id: string, originJti: string): Promise<void> {
  await db.update(sessions).set({ originJti }).where(eq(sessions.id, id));
}
