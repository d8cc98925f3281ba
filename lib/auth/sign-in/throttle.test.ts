import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { closeDatabase, type Database } from "@/lib/db/client";
import { signInFailures } from "@/lib/db/schema";
import { openMigrated, testBackends, type TestDatabase } from "@/lib/testing/test-databases";
import {
  purgeForgotten,
  reserveAttempt,
  runThrottled,
  settleAttempt,
  SignInThrottleUnavailableError,
  type ThrottleKeys,
} from "@/lib/auth/sign-in/throttle";

const MINUTE = 60_000;
const limits = { accountMaxFailures: 5, addressMaxFailures: 100, windowMs: 15 * MINUTE, maxLockMs: 15 * MINUTE };
const start = Date.UTC(2026, 0, 1, 12);
const at = (minutes: number) => new Date(start + minutes * MINUTE);

/** One attempt that Cognito refuses. */
async function fail(db: Database, keys: ThrottleKeys, minute = 0) {
  const reserved = await reserveAttempt(db, keys, limits, at(minute));
  if (reserved.status === "allowed") await settleAttempt(db, reserved.reservation, "failure");
  return reserved.status;
}

async function failTimes(db: Database, keys: ThrottleKeys, times: number, minute = 0): Promise<string[]> {
  const statuses = [];
  for (let i = 0; i < times; i++) statuses.push(await fail(db, keys, minute));
  return statuses;
}

describe.each(testBackends(process.env.TEST_DATABASE_URL))("sign-in throttle on $name", (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openMigrated(backend);
  });
  afterAll(async () => {
    await t?.dispose();
  });
  beforeEach(async () => {
    await t.db.delete(signInFailures);
  });

  const alice = { account: "alice@example.com", address: "192.0.2.1" };

  it("lets five failures through, then makes the sixth attempt wait a minute, right password or not", async () => {
    expect(await failTimes(t.db, alice, 5)).toEqual(Array(5).fill("allowed"));
    expect(await reserveAttempt(t.db, alice, limits, at(0.5))).toEqual({ status: "wait", waitMs: MINUTE / 2 });
    expect(await fail(t.db, alice, 1)).toBe("allowed");
    expect(await reserveAttempt(t.db, alice, limits, at(2))).toEqual({ status: "wait", waitMs: MINUTE });
  });

  it("counts the account however its email is written, and each address apart", async () => {
    await failTimes(t.db, alice, 4);
    expect(await fail(t.db, { ...alice, account: "  Alice@EXAMPLE.com " })).toBe("allowed");
    expect(await fail(t.db, alice)).toBe("wait");
    expect(await fail(t.db, { ...alice, address: "192.0.2.2" })).toBe("allowed");
  });

  it("counts unknown accounts exactly like existing ones", async () => {
    const ghost = { ...alice, account: "nobody-here@example.com" };
    expect(await failTimes(t.db, ghost, 6)).toEqual([...Array(5).fill("allowed"), "wait"]);
    expect(await t.db.$count(signInFailures)).toBe(2);
  });

  it("forgets failures a quiet window after the last one", async () => {
    await failTimes(t.db, alice, 4);
    expect(await fail(t.db, alice, 14)).toBe("allowed");
    expect(await fail(t.db, alice, 14)).toBe("wait");
    expect(await failTimes(t.db, alice, 5, 14 + 1 + 15)).toEqual(Array(5).fill("allowed"));
  });

  it("clears the account's count on success, and a success does not count against the address", async () => {
    await failTimes(t.db, alice, 4);
    const reserved = await reserveAttempt(t.db, alice, limits, at(0));
    if (reserved.status !== "allowed") throw new Error("expected the fifth attempt to be allowed");
    await settleAttempt(t.db, reserved.reservation, "success");
    expect(await failTimes(t.db, alice, 5)).toEqual(Array(5).fill("allowed"));
    const [address] = await t.db.select().from(signInFailures).where(eqKey("address:192.0.2.1"));
    expect(address?.failures).toBe(9);
  });

  it("takes back an attempt Cognito never judged", async () => {
    const reserved = await reserveAttempt(t.db, alice, limits, at(0));
    if (reserved.status !== "allowed") throw new Error("expected an allowed attempt");
    await settleAttempt(t.db, reserved.reservation, "void");
    expect(await t.db.$count(signInFailures)).toBe(0);
  });

  it("purges only counters that can no longer make anyone wait", async () => {
    await failTimes(t.db, alice, 9, 0);
    await fail(t.db, { ...alice, account: "bob@example.com" }, 20);
    expect(await purgeForgotten(t.db, limits, at(29.9))).toBe(0);
    expect(await purgeForgotten(t.db, limits, at(30.1))).toBe(1);
    expect((await t.db.select().from(signInFailures)).map((row) => row.key).sort()).toEqual([
      "account:bob@example.com|192.0.2.1",
      "address:192.0.2.1",
    ]);
  });

  it("makes an address wait after 100 failures, whichever accounts they were for", async () => {
    for (let i = 0; i < 100; i++) {
      expect(await fail(t.db, { ...alice, account: `user${i}@example.com` })).toBe("allowed");
    }
    expect(await fail(t.db, { ...alice, account: "fresh@example.com" })).toBe("wait");
    expect(await fail(t.db, { ...alice, address: "192.0.2.9", account: "fresh@example.com" })).toBe("allowed");
  });

  it("lets no more than five of a burst of parallel guesses through", async () => {
    const statuses = await Promise.all(Array.from({ length: 12 }, () => fail(t.db, alice)));
    expect(statuses.filter((status) => status === "allowed")).toHaveLength(5);
  });

  it("fails closed when the database is down: the attempt never runs", async () => {
    const down = await openMigrated(backend);
    await down.dispose();
    let called = false;
    const context = { openDb: async () => down.db, address: async () => alice.address, limits };
    const run = runThrottled(
      context,
      alice.account,
      async () => (called = true),
      () => true,
    );
    await expect(run).rejects.toBeInstanceOf(SignInThrottleUnavailableError);
    expect(called).toBe(false);
  });

  it("runs an attempt, counts what it judges a failure, and takes back one that throws", async () => {
    const context = { openDb: async () => t.db, address: async () => alice.address, limits };
    const judged = await runThrottled(
      context,
      alice.account,
      async () => "wrong",
      (v) => v === "ok",
    );
    expect(judged).toEqual({ status: "done", value: "wrong" });
    const down = () => Promise.reject(new Error("Cognito down"));
    await expect(runThrottled(context, alice.account, down, () => true)).rejects.toThrow("Cognito down");
    const rows = await t.db.select().from(signInFailures);
    expect(rows.map((row) => row.failures)).toEqual([1, 1]);
    for (let i = 0; i < 4; i++)
      await runThrottled(
        context,
        alice.account,
        async () => "wrong",
        () => false,
      );
    let asked = false;
    const blocked = await runThrottled(
      context,
      alice.account,
      async () => (asked = true),
      () => true,
    );
    expect(blocked).toEqual({ status: "wait", minutes: 1 });
    expect(asked).toBe(false);
  });

  it.runIf(backend.name === "PostgreSQL")("shares the counts between two instances", async () => {
    const peer = t.openPeer?.();
    if (!peer) throw new Error("PostgreSQL backend without a peer");
    try {
      await failTimes(t.db, alice, 3);
      await failTimes(peer, alice, 2);
      expect(await fail(t.db, alice)).toBe("wait");
      expect(await fail(peer, alice)).toBe("wait");
      const elsewhere = { ...alice, address: "192.0.2.5" };
      const both = await Promise.all([fail(t.db, elsewhere), fail(peer, elsewhere)]);
      expect(both).toEqual(["allowed", "allowed"]);
    } finally {
      await closeDatabase(peer);
    }
  });
});

function eqKey(key: string) {
  return sql`${signInFailures.key} = ${key}`;
}
