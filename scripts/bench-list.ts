/**
 * Benchmark: how long one contacts page takes (plan → SQL → page query → batched check) for each persona over a
 * large table, against the real PDP and PGlite. Prints figures; asserts nothing.
 *   npm run bench -- [--count 20000] [--runs 40]
 */
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import type { CurrentUser } from "@/lib/auth/current-user";
import { startPdp } from "@/lib/testing/pdp-process";
import { closeDatabase } from "@/lib/db/client";
import { getReadyDb } from "@/lib/db/migrate";
import { seedContacts } from "@/lib/db/seed-contacts";
import { listContactsForUser } from "@/lib/contacts/contact-reads";

const { values } = parseArgs({
  options: { count: { type: "string", default: "20000" }, runs: { type: "string", default: "40" } },
});
const count = Number(values.count);
const runs = Number(values.runs);

function persona(sub: string, groups: string[]): CurrentUser {
  return {
    sub,
    username: sub,
    email: undefined,
    groups,
    via: "bearer",
    claims: { sub, exp: 2e9, client_id: "bench", token_use: "access" },
  };
}

const personas = {
  admin: persona("admin-sub", ["admin"]),
  user: persona("alice-sub", ["user"]),
  "no role": persona("nora-sub", []),
};

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function main() {
  const pdp = await startPdp(3890, 3891);
  Object.assign(process.env, {
    COGNITO_MODE: "local",
    COGNITO_LOCAL_URL: "http://127.0.0.1:9",
    COGNITO_USER_POOL_ID: "local_bench",
    COGNITO_CLIENT_ID: "bench",
    COGNITO_CLIENT_SECRET: "bench",
    NEXTAUTH_URL: "http://localhost:3999",
    NEXTAUTH_SECRET: "n".repeat(32),
    SESSION_PASSWORD: "p".repeat(32),
    CERBOS_URL: pdp.url,
    PGLITE_DATA_DIR: "memory://",
    DATABASE_URL: "",
  });
  try {
    const db = await getReadyDb();
    const seeded = performance.now();
    await seedContacts(db, {
      owners: Object.values(personas).map((p) => ({ email: `${p.sub}@example.com`, sub: p.sub })),
      count,
      force: true,
    });
    console.log(`seeded ${count} contacts in ${((performance.now() - seeded) / 1000).toFixed(1)} s (PGlite in memory)`);
    console.log(`one page of 25 with permissions, ${runs} runs each after 3 warm-ups:`);
    for (const [name, user] of Object.entries(personas)) {
      for (let i = 0; i < 3; i++) await listContactsForUser(user, {});
      const times: number[] = [];
      let total = 0;
      for (let i = 0; i < runs; i++) {
        const start = performance.now();
        total = (await listContactsForUser(user, { page: 1 + (i % 5) })).total;
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      console.log(
        `  ${name.padEnd(8)} readable ${String(total).padStart(6)}  p50 ${percentile(times, 50).toFixed(1)} ms  p95 ${percentile(times, 95).toFixed(1)} ms`,
      );
    }
    const rss = process.memoryUsage().rss / 1024 / 1024;
    console.log(`process RSS ${rss.toFixed(0)} MiB`);
  } finally {
    await closeDatabase();
    await pdp.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
