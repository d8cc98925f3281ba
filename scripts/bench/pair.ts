import { rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { seedPglite, seedPostgres, type SessionCookies } from "@/scripts/bench/data";
import type { BenchOptions, CaseSpec, DbName } from "@/scripts/bench/options";
import type { CaseResult } from "@/scripts/bench/report";
import { checkAndWarmUp, runCase, type Pair } from "@/scripts/bench/run-cases";
import { RssSampler, startServer, stopServer, type BenchServer } from "@/scripts/bench/servers";
import { VARIANTS, type Variant } from "@/scripts/bench/stats";
import type { BenchUser } from "@/scripts/bench/users";
import type { Credentials } from "@/scripts/bench/workload";

export type Services = {
  appEnv: Record<string, string>;
  sessionPassword: string;
  pdpUrl: string;
  users: { warm: BenchUser[]; cold: BenchUser[] };
  postgresUrl: string | undefined;
  ports: Record<Variant, number>;
};

const PGLITE_ROOT = path.join(os.tmpdir(), "contacts-bench");
const pgliteDir = (name: string) => path.join(PGLITE_ROOT, `pglite-${name}`);

/** The PGlite folders of a run: made fresh (the migrations may have changed since the last run), removed after. */
export const removePgliteFolders = () => rm(PGLITE_ROOT, { recursive: true, force: true });

/** Seeds the database for `size` and returns each server's database variables and the personas' cookies. */
async function prepareDatabase(services: Services, db: DbName, size: number) {
  const { warm } = services.users;
  if (db === "postgres") {
    if (!services.postgresUrl) throw new Error("PostgreSQL was not started");
    const cookies = await seedPostgres(services.postgresUrl, size, warm, services.sessionPassword);
    const env = { DATABASE_URL: services.postgresUrl };
    return { cookies, env: { authorized: env, baseline: env } };
  }
  const dirs = { empty: pgliteDir("empty"), template: pgliteDir("template"), copies: VARIANTS.map(pgliteDir) };
  const cookies = await seedPglite(dirs, size, warm, services.sessionPassword);
  const env = (variant: Variant) => ({ DATABASE_URL: "", PGLITE_DATA_DIR: pgliteDir(variant) });
  return { cookies, env: { authorized: env("authorized"), baseline: env("baseline") } };
}

function credentials(users: readonly BenchUser[], cookies?: SessionCookies): Credentials[] {
  return users.map((user) => ({ bearer: user.accessToken, cookie: cookies?.get(user.email) }));
}

/**
 * One database at one size: seed, start both servers fresh (so no cold user has been seen, and both start equal),
 * check and warm them up, run the cases, stop them.
 */
export async function runPair(
  services: Services,
  options: BenchOptions,
  db: DbName,
  size: number,
  cases: readonly CaseSpec[],
): Promise<CaseResult[]> {
  const seeded = Date.now();
  const { cookies, env } = await prepareDatabase(services, db, size);
  console.log(`[bench] ${db}, ${size.toLocaleString("en-US")} contacts: seeded in ${Date.now() - seeded} ms`);
  const servers: Partial<Record<Variant, BenchServer>> = {};
  let sampler: RssSampler | undefined;
  try {
    for (const variant of VARIANTS) {
      servers[variant] = await startServer(variant, services.ports[variant], services.appEnv, env[variant]);
    }
    const started = servers as Record<Variant, BenchServer>;
    sampler = new RssSampler(Object.values(started));
    const pair: Pair = {
      db,
      size,
      servers: started,
      sampler,
      pdpUrl: services.pdpUrl,
      warm: credentials(services.users.warm, cookies),
      cold: credentials(services.users.cold),
      options,
    };
    await checkAndWarmUp(pair);
    const results: CaseResult[] = [];
    for (const spec of cases) {
      const result = await runCase(pair, spec);
      const { authorized: a, baseline: b, comparison: c } = result;
      console.log(
        `[bench] ${db} ${size} ${spec.name}: ${a.reqPerSec} vs ${b.reqPerSec} req/s (×${c.reqPerSecRatio}), p50 ${a.p50Ms} vs ${b.p50Ms} ms, PDP calls/req ${a.pdpCallsPerRequest}`,
      );
      results.push(result);
    }
    return results;
  } finally {
    sampler?.stop();
    for (const server of Object.values(servers)) await stopServer(server);
  }
}
