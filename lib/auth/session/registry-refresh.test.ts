import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  clearRefreshMark,
  createSession,
  findSession,
  findUserRefreshMark,
  requireRefresh,
  revokeSession,
  type NewSession,
} from "@/lib/auth/session/registry";
import { sessions, userRefreshMarks } from "@/lib/db/schema";
import { openMigrated, testBackends, type TestDatabase } from "@/lib/testing/test-databases";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const timeouts = { idleMs: 8 * HOUR, absoluteMs: 7 * 24 * HOUR };
const start = new Date("2026-12-01T10:00:00Z");
const at = (ms: number) => new Date(start.getTime() + ms);
const alice: NewSession = { sub: "sub-alice", method: "password", userAgent: "Firefox on Linux", originJti: undefined };
const bob: NewSession = { sub: "sub-bob", method: "hosted-ui", userAgent: "Chrome on macOS", originJti: undefined };

describe.each(testBackends(process.env.TEST_DATABASE_URL))("session refresh marks on $name", (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openMigrated(backend);
  });
  afterAll(async () => {
    await t?.dispose();
  });
  beforeEach(async () => {
    await t.db.delete(sessions);
    await t.db.delete(userRefreshMarks);
  });

  it("marks every live session of the user, and only those, and counts them", async () => {
    const [first, second] = [
      await createSession(t.db, alice, timeouts, start),
      await createSession(t.db, alice, timeouts, start),
    ];
    const revoked = await createSession(t.db, alice, timeouts, start);
    await revokeSession(t.db, revoked.id, alice.sub, at(MINUTE));
    const idle = await createSession(t.db, alice, { ...timeouts, idleMs: MINUTE }, start);
    const theirs = await createSession(t.db, bob, timeouts, start);
    expect(await requireRefresh(t.db, alice.sub, at(HOUR))).toBe(2);
    for (const id of [first.id, second.id]) expect((await findSession(t.db, id))?.refreshRequiredAt).toEqual(at(HOUR));
    for (const id of [revoked.id, idle.id, theirs.id])
      expect((await findSession(t.db, id))?.refreshRequiredAt).toBeNull();
    expect(await requireRefresh(t.db, "sub-nobody", at(HOUR))).toBe(0);
  });

  it("gives a session registered after the mark the user's mark, so tokens issued before it still refresh", async () => {
    expect((await createSession(t.db, alice, timeouts, start)).refreshRequiredAt).toBeNull();
    await requireRefresh(t.db, alice.sub, at(HOUR));
    const late = await createSession(t.db, alice, timeouts, at(HOUR + 1));
    expect(late.refreshRequiredAt).toEqual(at(HOUR));
    expect((await createSession(t.db, bob, timeouts, at(HOUR + 1))).refreshRequiredAt).toBeNull();
  });

  it("keeps the user's newest mark, also for a user without sessions, and never moves it back", async () => {
    expect(await findUserRefreshMark(t.db, alice.sub)).toBeNull();
    await requireRefresh(t.db, alice.sub, at(HOUR));
    expect(await findUserRefreshMark(t.db, alice.sub)).toEqual(at(HOUR));
    await requireRefresh(t.db, alice.sub, at(2 * HOUR));
    expect(await findUserRefreshMark(t.db, alice.sub)).toEqual(at(2 * HOUR));
    await requireRefresh(t.db, alice.sub, at(MINUTE));
    expect(await findUserRefreshMark(t.db, alice.sub)).toEqual(at(2 * HOUR));
    expect(await findUserRefreshMark(t.db, bob.sub)).toBeNull();
  });

  it("clears a session's mark only while it is still the one seen, so a newer mark is not lost", async () => {
    const session = await createSession(t.db, alice, timeouts, start);
    await requireRefresh(t.db, alice.sub, at(HOUR));
    const seen = (await findSession(t.db, session.id))?.refreshRequiredAt;
    if (!seen) throw new Error("the session was not marked");
    // A second admin change lands while the first refresh is at Cognito.
    await requireRefresh(t.db, alice.sub, at(HOUR + 500));
    expect(await clearRefreshMark(t.db, session.id, seen)).toBe(false);
    expect((await findSession(t.db, session.id))?.refreshRequiredAt).toEqual(at(HOUR + 500));
    expect(await clearRefreshMark(t.db, session.id, at(HOUR + 500))).toBe(true);
    expect((await findSession(t.db, session.id))?.refreshRequiredAt).toBeNull();
    expect(await clearRefreshMark(t.db, session.id, at(HOUR + 500))).toBe(false);
    // The user's own mark outlives the session's: Bearer tokens are still compared with it.
    expect(await findUserRefreshMark(t.db, alice.sub)).toEqual(at(HOUR + 500));
  });

  it("clears nothing of another session with the same mark", async () => {
    const [mine, other] = [
      await createSession(t.db, alice, timeouts, start),
      await createSession(t.db, alice, timeouts, start),
    ];
    await requireRefresh(t.db, alice.sub, at(HOUR));
    expect(await clearRefreshMark(t.db, mine.id, at(HOUR))).toBe(true);
    expect((await findSession(t.db, other.id))?.refreshRequiredAt).toEqual(at(HOUR));
  });
});
