import { createRequire } from "node:module";
import { existsSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type * as RealCheckAction from "@/lib/authz/check-contact-action";
import type * as RealCheckContacts from "@/lib/authz/check-contacts";
import type * as RealPlan from "@/lib/authz/plan-contacts";
import type { ContactPrincipal } from "@/lib/authz/principal";
import * as baselineCheckAction from "@/scripts/bench/baseline/check-contact-action";
import * as baselineCheckContacts from "@/scripts/bench/baseline/check-contacts";
import { BASELINE_MARKER } from "@/scripts/bench/baseline/marker";
import * as baselinePlan from "@/scripts/bench/baseline/plan-contacts";
import { buildProblems } from "@/scripts/bench/builds";

// The contract: the app gets every PDP decision through these exports, and the baseline replaces each of them.
// (Type-level: a renamed export or a changed signature fails typecheck here.)
const contract: {
  plan: Pick<typeof RealPlan, "planContactAccess">;
  checks: Pick<typeof RealCheckContacts, "checkContactActions">;
  action: Pick<typeof RealCheckAction, "explainContactAction" | "checkContactPermissions">;
} = { plan: baselinePlan, checks: baselineCheckContacts, action: baselineCheckAction };

const principal = { id: "sub-1", roles: ["user"], attr: {} } as unknown as ContactPrincipal;
const contact = { id: "c1", name: "A", owner: "someone-else", isPrivate: true, shares: { viewers: [], editors: [] } };

describe("the allow-all modules of the baseline build", () => {
  it("allow everything without asking anyone, and say so", async () => {
    expect((await contract.plan.planContactAccess(principal, "read")).plan).toEqual({ kind: "KIND_ALWAYS_ALLOWED" });
    const checked = await contract.checks.checkContactActions(principal, [contact]);
    expect(checked.contacts).toEqual([
      {
        contact,
        permissions: {
          read: { allowed: true, reason: BASELINE_MARKER },
          update: { allowed: true, reason: BASELINE_MARKER },
          delete: { allowed: true, reason: BASELINE_MARKER },
        },
      },
    ]);
    const resource = {
      kind: "contact",
      id: "new",
      attr: { owner: "sub-1", private: false, viewers: [], editors: [] },
    } as never;
    expect(await contract.action.explainContactAction(principal, resource, "create")).toEqual({
      allowed: true,
      reason: BASELINE_MARKER,
    });
    expect((await contract.action.checkContactPermissions(principal, contact)).delete.allowed).toBe(true);
  });
});

describe("next.config.js", () => {
  const require = createRequire(import.meta.url);
  const configPath = path.resolve("next.config.js");
  const saved = { baseline: process.env.BENCH_BASELINE_BUILD, distDir: process.env.NEXT_DIST_DIR };
  type Config = (phase: string) => { distDir?: string; turbopack?: { resolveAlias?: Record<string, string> } };

  function loadConfig(env: { BENCH_BASELINE_BUILD?: string; NEXT_DIST_DIR?: string }): Config {
    for (const [name, value] of Object.entries(env)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    delete require.cache[configPath];
    return require(configPath) as Config;
  }

  afterEach(() => {
    loadConfig({ BENCH_BASELINE_BUILD: saved.baseline, NEXT_DIST_DIR: saved.distDir });
  });

  it("builds normally without the bench variable: no alias, and never into the baseline's folder", () => {
    const config = loadConfig({ BENCH_BASELINE_BUILD: undefined, NEXT_DIST_DIR: ".next-bench" });
    expect(config("phase-production-build").turbopack).toBeUndefined();
    expect(config("phase-production-build").distDir).toBe(".next-bench");
    const sneaky = loadConfig({ BENCH_BASELINE_BUILD: undefined, NEXT_DIST_DIR: ".next-bench-baseline" });
    expect(() => sneaky("phase-production-build")).toThrow(/only the benchmark's baseline/);
    // Serving that folder is how the benchmark starts the baseline.
    expect(sneaky("phase-production-server").distDir).toBe(".next-bench-baseline");
  });

  it("with BENCH_BASELINE_BUILD=1, aliases exactly the three modules to files that exist, in its own folder", () => {
    const config = loadConfig({ BENCH_BASELINE_BUILD: "1", NEXT_DIST_DIR: ".next" });
    const built = config("phase-production-build");
    expect(built.distDir).toBe(".next-bench-baseline");
    const aliases = built.turbopack?.resolveAlias ?? {};
    expect(Object.keys(aliases).sort()).toEqual([
      "@/lib/authz/check-contact-action",
      "@/lib/authz/check-contacts",
      "@/lib/authz/plan-contacts",
    ]);
    for (const target of Object.values(aliases)) expect(existsSync(path.resolve(target))).toBe(true);
    expect(() => config("phase-development-server")).toThrow(/next build/);
    expect(() => config("phase-production-server")).toThrow(/next build/);
  });
});

describe("buildProblems", () => {
  it("accepts only a baseline with the allow-all modules and an authorized build without them", () => {
    expect(buildProblems({ authorized: 0, baseline: 3 })).toEqual([]);
    expect(buildProblems({ authorized: 0, baseline: 0 })).toEqual([expect.stringMatching(/alias did not apply/)]);
    expect(buildProblems({ authorized: 1, baseline: 3 })).toEqual([expect.stringMatching(/not a normal build/)]);
  });
});
