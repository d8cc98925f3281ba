import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  checkSession,
  createSession,
  endSession,
  findSession,
  findSessionByOrigin,
  listActiveSessions,
  recordOrigin,
  revokeAllSessions,
  revokeSession,
  type NewSession,
} from "@/lib/auth/session/registry";
import { sessions } from "@/lib/db/schema";
import { openMigrated, testBackends, type TestDatabase } from "@/lib/testing/test-databases";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const timeouts = { idleMs: 8 * HOUR, absoluteMs: 7 * 24 * HOUR };
const start = new Date("2026-12-01T10:00:00Z");
const at = (ms: number) => new Date(start.getTime() + ms);
const alice: NewSession = {
  sub: "sub-alice",
  method: "password",
  userAgent: "Firefox on Linux",
  originJti: "origin-a1",
};
const bob: NewSession = { sub: "sub-bob", method: "hosted-ui", userAgent: "Chrome on macOS", originJti: "origin-b1" };

describe.each(testBackends(process.env.TEST_DATABASE_URL))("session registry on $name", (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openMigrated(backend);
  });
  afterAll(async () => {
    await t?.dispose();
  });
  beforeEach(async () => {
    await t.db.delete(sessions);
  });

  it("creates a row with a 256-bit random id and finds it by that id only", async () => {
    const created = await createSession(t.db, alice, timeouts, start);
    expect(created.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({
      sub: "sub-alice",
      method: "password",
      revokedAt: null,
      createdAt: start,
      originJti: "origin-a1",
    });
    expect(created.absoluteExpiresAt).toEqual(at(7 * 24 * HOUR));
    expect(await findSession(t.db, created.id)).toEqual(created);
    expect(await findSession(t.db, "A".repeat(43))).toBeNull();
    expect(await findSession(t.db, "' or 1=1 --")).toBeNull();
    const other = await createSession(t.db, alice, timeouts, start);
    expect(other.id).not.toBe(created.id);
  });

  it("ends a session after the idle timeout, and at the absolute limit despite activity", async () => {
    const { id } = await createSession(t.db, alice, timeouts, start);
    expect((await checkSession(t.db, id, timeouts, at(8 * HOUR - 1))).state).toBe("active");
    expect((await checkSession(t.db, id, timeouts, at(16 * HOUR))).state).toBe("idle");
    const busy = await createSession(t.db, alice, timeouts, start);
    for (let hour = 4; hour < 7 * 24; hour += 4)
      expect((await checkSession(t.db, busy.id, timeouts, at(hour * HOUR))).state).toBe("active");
    expect((await checkSession(t.db, busy.id, timeouts, at(7 * 24 * HOUR))).state).toBe("expired");
  });

  it("updates last-seen at most once a minute", async () => {
    const { id } = await createSession(t.db, alice, timeouts, start);
    await checkSession(t.db, id, timeouts, at(30_000));
    expect((await findSession(t.db, id))?.lastSeenAt).toEqual(start);
    await checkSession(t.db, id, timeouts, at(MINUTE));
    const touched = await findSession(t.db, id);
    expect(touched?.lastSeenAt).toEqual(at(MINUTE));
    expect(touched?.idleExpiresAt).toEqual(at(MINUTE + 8 * HOUR));
  });

  it("revokes one session only for its owner: someone else's id changes nothing", async () => {
    const mine = await createSession(t.db, alice, timeouts, start);
    const theirs = await createSession(t.db, bob, timeouts, start);
    expect(await revokeSession(t.db, theirs.id, "sub-alice", at(MINUTE))).toBe(false);
    expect((await checkSession(t.db, theirs.id, timeouts, at(MINUTE))).state).toBe("active");
    expect(await revokeSession(t.db, mine.id, "sub-alice", at(MINUTE))).toBe(true);
    expect(await revokeSession(t.db, mine.id, "sub-alice", at(2 * MINUTE))).toBe(false);
    expect((await checkSession(t.db, mine.id, timeouts, at(2 * MINUTE))).state).toBe("revoked");
    expect((await findSession(t.db, mine.id))?.revokedAt).toEqual(at(MINUTE));
    expect((await checkSession(t.db, "nope", timeouts, at(MINUTE))).state).toBe("revoked");
    await endSession(t.db, theirs.id, at(3 * MINUTE));
    expect((await checkSession(t.db, theirs.id, timeouts, at(3 * MINUTE))).state).toBe("revoked");
  });

  it("revokes all of a user's sessions and lists only active ones", async () => {
    const [first, second] = [
      await createSession(t.db, alice, timeouts, start),
      await createSession(t.db, alice, timeouts, at(HOUR)),
    ];
    const theirs = await createSession(t.db, bob, timeouts, start);
    const listed = await listActiveSessions(t.db, "sub-alice", at(2 * HOUR));
    expect(listed.map((s) => s.id)).toEqual([second.id, first.id]);
    expect(await listActiveSessions(t.db, "sub-alice", at(8 * HOUR + 30 * MINUTE))).toEqual([
      expect.objectContaining({ id: second.id }),
    ]);
    expect(await revokeAllSessions(t.db, "sub-alice", at(2 * HOUR))).toBe(2);
    expect(await listActiveSessions(t.db, "sub-alice", at(2 * HOUR))).toEqual([]);
    expect((await checkSession(t.db, theirs.id, timeouts, at(2 * HOUR))).state).toBe("active");
  });

  it("finds a session by the origin_jti of its tokens, also after a refresh recorded a new one", async () => {
    const created = await createSession(t.db, alice, timeouts, start);
    expect((await findSessionByOrigin(t.db, "origin-a1"))?.id).toBe(created.id);
    expect(await findSessionByOrigin(t.db, "origin-unknown")).toBeNull();
    await recordOrigin(t.db, created.id, "origin-a2");
    expect((await findSessionByOrigin(t.db, "origin-a2"))?.id).toBe(created.id);
    await t.db
      .update(sessions)
      .set({ revokedAt: at(MINUTE) })
      .where(eq(sessions.id, created.id));
    expect((await findSessionByOrigin(t.db, "origin-a2"))?.revokedAt).toEqual(at(MINUTE));
  });
});
