import { parseArgs } from "node:util";

/** Everything `npm run bench -- …` can change; pure, so the flags are unit-tested. */

export const CASE_NAMES = ["api-warm-16", "api-warm-1", "page-warm-16", "page-warm-1", "api-cold-16"] as const;
export type CaseName = (typeof CASE_NAMES)[number];
export const DB_NAMES = ["postgres", "pglite"] as const;
export type DbName = (typeof DB_NAMES)[number];

export type CaseSpec = { name: CaseName; target: "api" | "page"; users: "warm" | "cold"; connections: number };

export function caseSpec(name: CaseName): CaseSpec {
  const [target, users, connections] = name.split("-") as ["api" | "page", "warm" | "cold", string];
  return { name, target, users, connections: Number(connections) };
}

export type BenchOptions = {
  sizes: number[];
  dbs: DbName[];
  cases: CaseName[];
  /** Cases for PGlite (a subset of `cases`: PGlite is trimmed by default to keep a full run near 15 minutes). */
  pgliteCases: CaseName[];
  roundSeconds: number;
  /** Measured rounds per variant and case (A B A B …), after the warm-up. */
  rounds: number;
  coldUsers: number;
  skipBuild: boolean;
  smoke: boolean;
};

export const DEFAULTS = {
  sizes: [10, 1_000, 100_000],
  dbs: [...DB_NAMES],
  cases: [...CASE_NAMES],
  pgliteCases: ["api-warm-16", "page-warm-16", "api-cold-16"] satisfies CaseName[],
  roundSeconds: 3,
  rounds: 2,
  coldUsers: 200,
};

const SMOKE = { sizes: [10], roundSeconds: 1, rounds: 1, coldUsers: 32 };

export const USAGE = `npm run bench -- [options]
  --sizes 10,1000,100000     contacts seeded, one server pair per size and database
  --db postgres,pglite       databases
  --cases ${CASE_NAMES.join(",")}
  --pglite-cases …           PGlite's cases (default ${DEFAULTS.pgliteCases.join(",")})
  --round-seconds 3          length of one measured round
  --rounds 2                 measured rounds per variant and case, alternated A B A B
  --cold-users 200           distinct users of the cold case, each used once per server
  --skip-build               reuse .next-bench and .next-bench-baseline
  --smoke                    sizes 10, 1 s rounds, 1 round, 32 cold users (CI)`;

export class OptionsError extends Error {
  override name = "OptionsError";
}

function list<T extends string>(value: string, allowed: readonly T[], flag: string): T[] {
  const items = value.split(",").map((item) => item.trim());
  const bad = items.filter((item) => !(allowed as readonly string[]).includes(item));
  if (bad.length > 0) throw new OptionsError(`${flag}: unknown ${bad.join(", ")} (one of ${allowed.join(", ")})`);
  return items as T[];
}

function positive(value: string, flag: string, max: number): number {
  const number = Number(value.replace(/_/g, ""));
  if (!Number.isInteger(number) || number < 1 || number > max) {
    throw new OptionsError(`${flag}: must be a whole number from 1 to ${max}`);
  }
  return number;
}

export function parseBenchOptions(args: string[]): BenchOptions {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      sizes: { type: "string" },
      db: { type: "string" },
      cases: { type: "string" },
      "pglite-cases": { type: "string" },
      "round-seconds": { type: "string" },
      rounds: { type: "string" },
      "cold-users": { type: "string" },
      "skip-build": { type: "boolean", default: false },
      smoke: { type: "boolean", default: false },
    },
  });
  const base = values.smoke ? { ...DEFAULTS, ...SMOKE } : DEFAULTS;
  const sizes = values.sizes
    ? values.sizes.split(",").map((size) => positive(size.trim(), "--sizes", 1_000_000))
    : base.sizes;
  const cases = values.cases ? list(values.cases, CASE_NAMES, "--cases") : base.cases;
  const pgliteCases = values["pglite-cases"]
    ? list(values["pglite-cases"], CASE_NAMES, "--pglite-cases")
    : base.pgliteCases.filter((name) => cases.includes(name));
  const rounds = values.rounds ? positive(values.rounds, "--rounds", 50) : base.rounds;
  const coldUsers = values["cold-users"] ? positive(values["cold-users"], "--cold-users", 5_000) : base.coldUsers;
  const cold = [...cases, ...pgliteCases].map(caseSpec).filter((spec) => spec.users === "cold");
  const coldConnections = Math.max(0, ...cold.map((spec) => spec.connections));
  // autocannon refuses more connections than requests, and each cold user is used once per server.
  if (Math.floor(coldUsers / rounds) < coldConnections) {
    throw new OptionsError(`--cold-users: at least ${coldConnections} a round are needed (${rounds} rounds)`);
  }
  return {
    sizes,
    dbs: values.db ? list(values.db, DB_NAMES, "--db") : base.dbs,
    cases,
    pgliteCases,
    roundSeconds: values["round-seconds"]
      ? positive(values["round-seconds"], "--round-seconds", 600)
      : base.roundSeconds,
    rounds,
    coldUsers,
    skipBuild: values["skip-build"],
    smoke: values.smoke,
  };
}
