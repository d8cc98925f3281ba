/**
 * The benchmark's baseline build only (next.config.js aliases `@/lib/authz/check-contacts` here when
 * BENCH_BASELINE_BUILD=1): every action allowed, no PDP call. Typed from the real module.
 */
import type * as Real from "@/lib/authz/check-contacts";
import { ALLOW_ALL, ALLOWED } from "@/scripts/bench/baseline/marker";

export const checkContactActions: typeof Real.checkContactActions = async (_principal, contacts, _client, options) => ({
  request: null,
  response: null,
  contacts: contacts.map((contact) => ({ contact, permissions: ALLOW_ALL })),
  // The page asks about `create` in the same batch: the baseline renders its "New contact" link as well.
  ...(options?.create && { create: ALLOWED }),
});
