/**
 * The benchmark's baseline build only (next.config.js aliases `@/lib/authz/check-contacts` here when
 * BENCH_BASELINE_BUILD=1): every action allowed, no PDP call. Typed from the real module.
 */
import type * as Real from "@/lib/authz/check-contacts";
import { ALLOW_ALL } from "@/scripts/bench/baseline/marker";

export const checkContactActions: typeof Real.checkContactActions = async (_principal, contacts) => ({
  request: null,
  response: null,
  contacts: contacts.map((contact) => ({ contact, permissions: ALLOW_ALL })),
});
