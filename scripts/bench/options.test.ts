import { describe, expect, it } from "vitest";
import { CASE_NAMES, caseSpec, DEFAULTS, OptionsError, parseBenchOptions } from "@/scripts/bench/options";

describe("parseBenchOptions", () => {
  it("runs every size and case on PostgreSQL, and fewer cases on PGlite, by default", () => {
    const options = parseBenchOptions([]);
    expect(options.sizes).toEqual([10, 1_000, 100_000]);
    expect(options.dbs).toEqual(["postgres", "pglite"]);
    expect(options.cases).toEqual([...CASE_NAMES]);
    expect(options.pgliteCases).toEqual(DEFAULTS.pgliteCases);
    expect(options).toMatchObject({ roundSeconds: 3, rounds: 2, coldUsers: 200, skipBuild: false, smoke: false });
  });

  it("--smoke is tiny and quick, and explicit flags still win", () => {
    expect(parseBenchOptions(["--smoke"])).toMatchObject({ sizes: [10], roundSeconds: 1, rounds: 1, smoke: true });
    expect(parseBenchOptions(["--smoke", "--sizes", "1000"]).sizes).toEqual([1000]);
  });

  it("takes subsets", () => {
    const options = parseBenchOptions([
      "--sizes=10,100_000",
      "--db=pglite",
      "--cases=api-warm-1,api-cold-16",
      "--round-seconds=5",
      "--rounds=4",
      "--skip-build",
    ]);
    expect(options).toMatchObject({
      sizes: [10, 100_000],
      dbs: ["pglite"],
      roundSeconds: 5,
      rounds: 4,
      skipBuild: true,
    });
    expect(options.cases).toEqual(["api-warm-1", "api-cold-16"]);
    // PGlite's default subset never adds a case that was not asked for.
    expect(options.pgliteCases).toEqual(["api-cold-16"]);
  });

  it("refuses what it does not know, and too few cold users for the connections", () => {
    expect(() => parseBenchOptions(["--cases=api-hot-16"])).toThrow(OptionsError);
    expect(() => parseBenchOptions(["--db=mysql"])).toThrow(/--db: unknown mysql/);
    expect(() => parseBenchOptions(["--sizes=0"])).toThrow(OptionsError);
    expect(() => parseBenchOptions(["--round-seconds=1.5"])).toThrow(OptionsError);
    expect(() => parseBenchOptions(["--cold-users=40", "--rounds=3"])).toThrow(/at least 16 a round/);
    expect(() =>
      parseBenchOptions(["--cold-users=40", "--rounds=3", "--cases=api-warm-16", "--pglite-cases=api-warm-1"]),
    ).not.toThrow();
    expect(() => parseBenchOptions(["--frobnicate"])).toThrow();
  });
});

describe("caseSpec", () => {
  it("reads target, users and connections from the name", () => {
    expect(caseSpec("page-warm-1")).toEqual({ name: "page-warm-1", target: "page", users: "warm", connections: 1 });
    expect(caseSpec("api-cold-16")).toEqual({ name: "api-cold-16", target: "api", users: "cold", connections: 16 });
  });
});
