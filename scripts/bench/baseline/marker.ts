import type { ActionDecision, ContactPermissions } from "@/lib/authz/decision-reasons";

/**
 * The reason every decision of the benchmark's baseline build gives. It reaches the API's `reasons` and the page,
 * and it is in the baseline's server chunks, so the benchmark can prove which build it is talking to (and that a
 * normal build never contains it).
 */
export const BASELINE_MARKER = "bench-baseline-allow-all";

export const ALLOWED: ActionDecision = { allowed: true, reason: BASELINE_MARKER };

export const ALLOW_ALL: ContactPermissions = { read: ALLOWED, update: ALLOWED, delete: ALLOWED };
