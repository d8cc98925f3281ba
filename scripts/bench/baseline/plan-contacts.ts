/**
 * The benchmark's baseline build only (next.config.js aliases `@/lib/authz/plan-contacts` here when
 * BENCH_BASELINE_BUILD=1): every contact, no PDP call. Typed from the real module, so a change there fails typecheck.
 */
import type * as Real from "@/lib/authz/plan-contacts";
import { BASELINE_MARKER } from "@/scripts/bench/baseline/marker";

export const planContactAccess: typeof Real.planContactAccess = async () => ({
  request: { baseline: BASELINE_MARKER },
  response: { baseline: BASELINE_MARKER },
  plan: { kind: "KIND_ALWAYS_ALLOWED" },
});
