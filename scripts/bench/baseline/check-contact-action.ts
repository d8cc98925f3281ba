/**
 * The benchmark's baseline build only (next.config.js aliases `@/lib/authz/check-contact-action` here when
 * BENCH_BASELINE_BUILD=1): every action allowed, no PDP call. Typed from the real module.
 */
import type * as Real from "@/lib/authz/check-contact-action";
import { ALLOW_ALL, ALLOWED } from "@/scripts/bench/baseline/marker";

export const explainContactAction: typeof Real.explainContactAction = async () => ALLOWED;

export const checkContactPermissions: typeof Real.checkContactPermissions = async () => ALLOW_ALL;
