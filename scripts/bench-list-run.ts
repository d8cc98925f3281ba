/**
 * The measuring half of `npm run bench` (scripts/bench-list.ts starts it with the settings it needs in its
 * environment, so this process reads them through lib/env.ts like the app does).
 */
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import type { CurrentUser } from "@/lib/auth/current-user";
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
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
