import "server-only";
import { parseEmailSearch } from "@/lib/admin/email-search";
import { countEnabledAdmins, listPoolUsers, type PoolUser } from "@/lib/admin/pool-users";
import { CHANGE_ACTIONS, type ChangeAction, notApplicableReason } from "@/lib/admin/user-action-rules";
import { isCognitoRefusal } from "@/lib/admin/cognito-admin-call";
import type { CurrentUser } from "@/lib/auth/current-user";
import { getCerbos, withoutCaches } from "@/lib/authz/cerbos-client";
import { canViewUsers, checkUserActions } from "@/lib/authz/check-user-actions";
import { principalFromIdentity } from "@/lib/authz/principal";
import { hasControlCharacter } from "@/lib/text-input";

/** Per user and action: a button, the policy's denial, or nothing to do (see user-action-rules.ts). */
export type ActionState = { state: "allowed" | "denied" | "not-applicable"; reason: string };
export type UserRow = PoolUser & { isSelf: boolean; actions: Record<ChangeAction, ActionState> };

export type UsersView =
  | { status: "forbidden" }
  | { status: "invalid"; q: string; message: string }
  | { status: "ok"; q: string; rows: UserRow[]; nextToken: string | undefined; onLaterPage: boolean };

// Cognito's tokens are opaque; anything this long, or with control characters, did not come from it.
const MAX_TOKEN_LENGTH = 4096;

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function toRow(
  user: PoolUser,
  decided: Record<string, { allowed: boolean; reason: string }>,
  selfSub: string,
): UserRow {
  const actions = Object.fromEntries(
    CHANGE_ACTIONS.map((action): [ChangeAction, ActionState] => {
      const decision = decided[action] ?? { allowed: false, reason: "no decision" };
      if (!decision.allowed) return [action, { state: "denied", reason: decision.reason }];
      const notApplicable = notApplicableReason(user, action);
      return [
        action,
        notApplicable
          ? { state: "not-applicable", reason: notApplicable }
          : { state: "allowed", reason: decision.reason },
      ];
    }),
  ) as Record<ChangeAction, ActionState>;
  return { ...user, isSelf: user.sub === selfSub, actions };
}

/**
 * The console's data: Cerbos first (`view` on the user kind: anyone else gets the page's 404 and Cognito is never
 * asked), then one page of users with their groups and the enabled-admin count, then one batch check of every
 * user × action on the PDP (never the caches). Throws CognitoUnavailableError or AuthorizationUnavailableError (503).
 */
export async function loadUsersView(
  user: CurrentUser,
  params: { q?: string | string[] | undefined; token?: string | string[] | undefined },
): Promise<UsersView> {
  const { principal } = principalFromIdentity(user);
  const cerbos = withoutCaches(getCerbos());
  if (!(await canViewUsers(principal, cerbos))) return { status: "forbidden" };
  const rawQ = firstValue(params.q) ?? "";
  const search = parseEmailSearch(rawQ);
  if (!search.ok) return { status: "invalid", q: rawQ, message: search.message };
  const token = firstValue(params.token) || undefined;
  if (token && (token.length > MAX_TOKEN_LENGTH || hasControlCharacter(token))) {
    return {
      status: "invalid",
      q: search.prefix,
      message: "This page link is not valid: start again from the first page.",
    };
  }
  try {
    const [page, enabledAdmins] = await Promise.all([listPoolUsers(search.prefix, token), countEnabledAdmins()]);
    const decisions = await checkUserActions(principal, page.users, enabledAdmins, cerbos);
    const rows = page.users.map((entry, index) => toRow(entry, decisions[index] ?? {}, user.sub));
    return { status: "ok", q: search.prefix, rows, nextToken: page.nextToken, onLaterPage: token !== undefined };
  } catch (error) {
    // A token from another search, or one Cognito no longer accepts.
    if (isCognitoRefusal(error, "InvalidParameterException")) {
      return {
        status: "invalid",
        q: search.prefix,
        message: "This page link has expired: start again from the first page.",
      };
    }
    throw error;
  }
}
