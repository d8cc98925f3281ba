import "server-only";
import { sql } from "drizzle-orm";
import { type AdminActionEntry, recordAdminAction } from "@/lib/admin/admin-action-record";
import { countEnabledAdmins, getPoolUser, type PoolUser } from "@/lib/admin/pool-users";
import { applyToSessions, changeInCognito, type ChangeEffect } from "@/lib/admin/user-action-effects";
import { notApplicableReason, parseUserActionInput, type UserActionInput } from "@/lib/admin/user-action-rules";
import { CognitoUnavailableError } from "@/lib/auth/cognito-api";
import { errorName } from "@/lib/auth/cognito-client";
import type { CurrentUser } from "@/lib/auth/current-user";
import { AuthorizationUnavailableError, getCerbos, withoutCaches } from "@/lib/authz/cerbos-client";
import { canViewUsers, checkUserActions } from "@/lib/authz/check-user-actions";
import { type ContactPrincipal, principalFromIdentity } from "@/lib/authz/principal";
import { getReadyDb } from "@/lib/db/migrate";
import { DatabaseUnavailableError } from "@/lib/db/unavailable";
import { getLogger } from "@/lib/log/logger";
import { currentRequestId } from "@/lib/request-context";

/** Every outcome of a console action; the page shows each (refused is the 403, unavailable the 503). */
export type UserActionResult =
  | { status: "done"; input: UserActionInput; targetEmail: string | undefined; temporaryPassword?: string }
  | { status: "invalid"; message: string }
  | { status: "unauthenticated" }
  | { status: "not-found" }
  | { status: "refused"; message: string }
  | { status: "failed"; message: string }
  | { status: "unavailable"; reason: UnavailableReason; changed?: "maybe" | "yes"; sessionsUpdated?: boolean };

type UnavailableReason = "cerbos" | "database" | "cognito";

/**
 * One fixed key for every console change, on every instance: the enabled-admin count a check relies on cannot change
 * between the recount and the change (two admins demoting each other at once would otherwise both pass "not the last").
 */
export const ADMIN_CONSOLE_LOCK_KEY = 7_310_010;

/** `uncertain`: Cognito was asked to change the user and did not answer; the change may have been made. */
type Decided = { result: UserActionResult; target?: PoolUser; effect?: ChangeEffect; detail: string; uncertain?: true };

/** Under the lock: reload the target and the count from Cognito, ask Cerbos about them, then change Cognito. */
async function decideAndChange(principal: ContactPrincipal, input: UserActionInput): Promise<Decided> {
  const [target, enabledAdmins] = await Promise.all([getPoolUser(input.sub), countEnabledAdmins()]);
  if (!target) return { result: { status: "not-found" }, detail: "no such user" };
  const cerbos = withoutCaches(getCerbos());
  const [permissions] = await checkUserActions(principal, [target], enabledAdmins, cerbos, [input.action]);
  const decision = permissions?.[input.action];
  if (!decision?.allowed) {
    const reason = decision?.reason ?? "no decision";
    return { result: { status: "refused", message: `Refused: ${reason}.` }, target, detail: reason };
  }
  const notApplicable = notApplicableReason(target, input.action);
  if (notApplicable) {
    return {
      result: { status: "refused", message: `Not applicable: ${notApplicable}.` },
      target,
      detail: notApplicable,
    };
  }
  try {
    const effect = await changeInCognito(target, input.action);
    const done = { status: "done", input, targetEmail: target.email } as const;
    return {
      result: effect.temporaryPassword ? { ...done, temporaryPassword: effect.temporaryPassword } : done,
      target,
      effect,
      detail: effect.detail,
    };
  } catch (error) {
    if (error instanceof CognitoUnavailableError) {
      // The request may have reached Cognito and only its answer been lost: a removal or a disabling that did land
      // must still reach the user's sessions (followThrough), and the record must not say nothing changed.
      const detail = "Cognito did not answer; the change may have been made";
      const result = { status: "unavailable", reason: "cognito", changed: "maybe" } as const;
      return { result, target, detail, uncertain: true };
    }
    // Cognito refused the change itself (its password policy, a group that does not exist): nothing was changed.
    const detail = `Cognito refused it (${errorName(error)})`;
    return { result: { status: "failed", message: `${detail}; nothing was changed.` }, target, detail };
  }
}

function outcomeOf(result: UserActionResult): AdminActionEntry["outcome"] {
  return result.status === "done"
    ? "done"
    : result.status === "failed" || result.status === "unavailable"
      ? "failed"
      : "refused";
}

/** Under the console's lock (a transaction holding the advisory lock); outside it when the principal is no admin. */
async function decide(principal: ContactPrincipal, input: UserActionInput): Promise<Decided> {
  if (!(await canViewUsers(principal, getCerbos()))) {
    return { result: { status: "refused", message: "Refused: only admins manage users." }, detail: "not an admin" };
  }
  const db = await getReadyDb();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${ADMIN_CONSOLE_LOCK_KEY})`);
    return decideAndChange(principal, input);
  });
}

/**
 * After the commit: a change Cognito made (or may have made) reaches the user's sessions; one whose sessions step
 * failed is reported as failed, and why. Marking or revoking sessions for a change that did not land only costs the
 * user a refresh or a sign-in; skipping it for one that did would leave a removed admin their admin session.
 */
async function followThrough(decided: Decided, input: UserActionInput): Promise<Decided> {
  if (decided.result.status !== "done" && !decided.uncertain) return decided;
  try {
    const sessions = await applyToSessions(input.sub, input.action);
    const result =
      decided.result.status === "unavailable" ? { ...decided.result, sessionsUpdated: true } : decided.result;
    return { ...decided, result, detail: sessions ? `${decided.detail}; ${sessions}` : decided.detail };
  } catch (error) {
    const reason = unavailableReason(error);
    if (!reason) throw error;
    return {
      ...decided,
      result: { status: "unavailable", reason, changed: decided.uncertain ? "maybe" : "yes", sessionsUpdated: false },
      detail: `${decided.detail}, but the sessions step failed (${reason} unavailable)`,
    };
  }
}

/**
 * A console action, always in this order: authenticate → parse → may this principal use the console at all →
 * lock → reload the target and recount enabled admins → Cerbos on the reloaded target → change Cognito → (after the
 * commit) the user's sessions → record (admin_actions + a log line). Fails closed: no answer is never a change.
 */
export async function runUserAction(user: CurrentUser | null, raw: unknown): Promise<UserActionResult> {
  if (!user) return { status: "unauthenticated" };
  const parsed = parseUserActionInput(raw);
  if (!parsed.ok) return { status: "invalid", message: parsed.message };
  const { input } = parsed;
  const { principal } = principalFromIdentity(user);
  const entry = {
    actorSub: user.sub,
    actorEmail: user.email,
    action: input.action,
    targetSub: input.sub,
    requestId: await currentRequestId(),
  };
  let decided: Decided;
  try {
    decided = await followThrough(await decide(principal, input), input);
  } catch (error) {
    const reason = unavailableReason(error);
    if (!reason) throw error;
    decided = { result: { status: "unavailable", reason }, detail: `${reason} unavailable; nothing was changed` };
  }
  const outcome = outcomeOf(decided.result);
  await recordBestEffort({ ...entry, targetEmail: decided.target?.email, outcome, detail: decided.detail });
  return decided.result;
}

function unavailableReason(error: unknown): UnavailableReason | undefined {
  if (error instanceof AuthorizationUnavailableError) return "cerbos";
  if (error instanceof CognitoUnavailableError) return "cognito";
  if (error instanceof DatabaseUnavailableError) return "database";
  return undefined;
}

/** When the database is what failed, the log line is the only record; the outcome shown stays what happened. */
async function recordBestEffort(entry: AdminActionEntry): Promise<void> {
  try {
    await recordAdminAction(await getReadyDb(), entry);
  } catch (error) {
    if (!(error instanceof DatabaseUnavailableError)) throw error;
    const { actorSub, action, targetSub, outcome, detail, requestId } = entry;
    getLogger().warn({ kind: "admin-action", requestId, actorSub, action, targetSub, outcome, detail }, "admin-action");
  }
}
