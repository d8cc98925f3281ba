import { z } from "zod";
import type { ManagedUser } from "@/lib/authz/user-resources";

/**
 * What the console may ask of one user, and when an action has nothing to do. Pure.
 *
 * cerbos/policies/user.yaml allows an admin `add_admin` on someone already an admin, `enable` on an enabled user and
 * so on: the policy decides who may change whom, not whether a change is a no-op. The app answers that from the
 * freshly loaded state: the page shows "not applicable" instead of a button, and the action refuses it (a forged
 * form must not turn a no-op into a log entry saying "done").
 */
export const CHANGE_ACTIONS = [
  "add_admin",
  "remove_admin",
  "add_user",
  "remove_user",
  "disable",
  "enable",
  "reset_password",
] as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];

/**
 * The page shows one control per pair: of "Add to admin" and "Remove from admin" only the one that would change
 * something (the other is a no-op on this user), so each row reads as four decisions, not seven.
 */
export const ACTION_PAIRS: readonly (readonly ChangeAction[])[] = [
  ["add_admin", "remove_admin"],
  ["add_user", "remove_user"],
  ["disable", "enable"],
  ["reset_password"],
];

export const ACTION_LABELS: Record<ChangeAction, string> = {
  add_admin: "Add to admin",
  remove_admin: "Remove from admin",
  add_user: "Add to user",
  remove_user: "Remove from user",
  disable: "Disable",
  enable: "Enable",
  reset_password: "Require a new password",
};

/** A Cognito sub: a UUID (real Cognito and the stand-in both mint v4 UUIDs). */
const SUB_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const userActionInputSchema = z.object({
  sub: z.string({ error: "The user is missing." }).regex(SUB_PATTERN, "The user is not a valid Cognito sub."),
  action: z.enum(CHANGE_ACTIONS, { error: "The action is not one the console offers." }),
});
export type UserActionInput = z.infer<typeof userActionInputSchema>;

export function parseUserActionInput(
  raw: unknown,
): { ok: true; input: UserActionInput } | { ok: false; message: string } {
  const parsed = userActionInputSchema.safeParse(raw);
  if (parsed.success) return { ok: true, input: parsed.data };
  return { ok: false, message: parsed.error.issues[0]?.message ?? "The request is not valid." };
}

/** Why the action would change nothing for this user, or null when it applies. */
export function notApplicableReason(user: ManagedUser, action: ChangeAction): string | null {
  const isAdmin = user.groups.includes("admin");
  const isUser = user.groups.includes("user");
  switch (action) {
    case "add_admin":
      return isAdmin ? "already in admin" : null;
    case "remove_admin":
      return isAdmin ? null : "not in admin";
    case "add_user":
      return isUser ? "already in user" : null;
    case "remove_user":
      return isUser ? null : "not in user";
    case "disable":
      return user.enabled ? null : "already disabled";
    case "enable":
      return user.enabled ? "already enabled" : null;
    case "reset_password":
      return null;
  }
}
