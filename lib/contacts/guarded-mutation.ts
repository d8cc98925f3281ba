import "server-only";
import type { CurrentUser } from "@/lib/auth/current-user";
import {
  AuthorizationUnavailableError,
  type CerbosClient,
  getCerbos,
  withoutCaches,
  withRequestDeadline,
} from "@/lib/authz/cerbos-client";
import { type ContactPrincipal, principalFromIdentity } from "@/lib/authz/principal";
import type { Database } from "@/lib/db/client";
import { getReadyDb } from "@/lib/db/migrate";
import { DatabaseUnavailableError } from "@/lib/db/unavailable";
import type { FieldErrors } from "@/lib/contacts/contact-input";
import type { ContactView } from "@/lib/contacts/contact-view";
import { elapsedMs, logRequest } from "@/lib/log/request-log";

/** Every outcome of a contact mutation. Pages and the API map these to messages and HTTP statuses. */
export type MutationResult =
  | { status: "ok"; contact: ContactView | null }
  | { status: "invalid"; fieldErrors: FieldErrors }
  | { status: "unauthenticated" }
  | { status: "not-found" }
  | { status: "forbidden"; message: string }
  | { status: "conflict"; current: ContactView }
  | { status: "unavailable"; reason: "cerbos" | "database" };

export type Refusal = Extract<MutationResult, { status: "not-found" | "forbidden" }>;

/** `cerbos` carries one deadline for every PDP call of the mutation (an update asks twice). */
export type MutationContext = { user: CurrentUser; principal: ContactPrincipal; db: Database; cerbos: CerbosClient };

/**
 * The one order every contact mutation follows: authenticate → parse → load → ask Cerbos about the loaded record
 * (and the proposed attributes) → write. A spec fills in the steps; it cannot skip or reorder them.
 */
export type MutationSpec<Input, Loaded> = {
  /** For the log line, e.g. "contact.update". */
  name: string;
  parse(raw: unknown): { ok: true; input: Input } | { ok: false; fieldErrors: FieldErrors };
  load(ctx: MutationContext, input: Input): Promise<Loaded | null>;
  authorize(ctx: MutationContext, loaded: Loaded, input: Input): Promise<Refusal | null>;
  write(ctx: MutationContext, loaded: Loaded, input: Input): Promise<MutationResult>;
};

/** Runs the mutation and logs one line: who, which mutation, its outcome (a server action's HTTP status is Next's). */
export async function runMutation<Input, Loaded>(
  user: CurrentUser | null,
  raw: unknown,
  spec: MutationSpec<Input, Loaded>,
): Promise<MutationResult> {
  const started = performance.now();
  const result = await decideAndWrite(user, raw, spec);
  const line = { kind: "mutation", route: spec.name, sub: user?.sub ?? null } as const;
  await logRequest({ ...line, outcome: result.status, durationMs: elapsedMs(started) });
  return result;
}

async function decideAndWrite<Input, Loaded>(
  user: CurrentUser | null,
  raw: unknown,
  spec: MutationSpec<Input, Loaded>,
): Promise<MutationResult> {
  if (!user) return { status: "unauthenticated" };
  const parsed = spec.parse(raw);
  if (!parsed.ok) return { status: "invalid", fieldErrors: parsed.fieldErrors };
  try {
    const { principal } = principalFromIdentity(user);
    // Never from the decision caches: a write is decided by the PDP on the newest policy, not on a cached answer.
    const cerbos = withRequestDeadline(withoutCaches(getCerbos()));
    const ctx: MutationContext = { user, principal, db: await getReadyDb(), cerbos };
    const loaded = await spec.load(ctx, parsed.input);
    if (loaded === null) return { status: "not-found" };
    const refusal = await spec.authorize(ctx, loaded, parsed.input);
    if (refusal) return refusal;
    return await spec.write(ctx, loaded, parsed.input);
  } catch (error) {
    // Fail closed: no answer from Cerbos or the database is never a write.
    if (error instanceof AuthorizationUnavailableError) return { status: "unavailable", reason: "cerbos" };
    if (error instanceof DatabaseUnavailableError) return { status: "unavailable", reason: "database" };
    throw error;
  }
}
