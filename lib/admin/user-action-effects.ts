import "server-only";
import type { PoolUser } from "@/lib/admin/pool-users";
import {
  addToGroup,
  disableUser,
  enableUser,
  removeFromGroup,
  setTemporaryPassword,
  signOutEverywhere,
} from "@/lib/admin/pool-user-changes";
import { generateTemporaryPassword } from "@/lib/admin/temporary-password";
import type { ChangeAction } from "@/lib/admin/user-action-rules";
import { requireUserRefresh, revokeAllUserSessions } from "@/lib/auth/session/app-registry";

/** What a change did: a short detail for the record, and the temporary password to show once (never recorded). */
export type ChangeEffect = { detail: string; temporaryPassword?: string };

/** The change in Cognito itself: made while the console's lock is held, right after the check on the reloaded user. */
export async function changeInCognito(target: PoolUser, action: ChangeAction): Promise<ChangeEffect> {
  switch (action) {
    case "add_admin":
      return addToGroup(target.sub, "admin").then(() => ({ detail: "added to admin" }));
    case "remove_admin":
      return removeFromGroup(target.sub, "admin").then(() => ({ detail: "removed from admin" }));
    case "add_user":
      return addToGroup(target.sub, "user").then(() => ({ detail: "added to user" }));
    case "remove_user":
      return removeFromGroup(target.sub, "user").then(() => ({ detail: "removed from user" }));
    case "disable":
      return disableUser(target.sub).then(() => ({ detail: "disabled" }));
    case "enable":
      return enableUser(target.sub).then(() => ({ detail: "enabled" }));
    case "reset_password": {
      const temporaryPassword = generateTemporaryPassword();
      await setTemporaryPassword(target.sub, temporaryPassword);
      return { detail: "temporary password set; a new one is required at the next sign-in", temporaryPassword };
    }
  }
}

/**
 * What the change means for the user's sessions, after the lock's transaction has committed (the session registry is
 * written through its own connection). Groups live in the access token: a group change marks the sessions so their
 * next request refreshes and sees the new groups. A disabled user is signed out now, in the registry (every
 * instance's next request) and in Cognito (no refresh token renews anything); the user's refresh mark also makes the
 * API refuse the Bearer tokens they already hold (a JWT verifies on its own until it expires, up to an hour).
 * So is a user who must choose a new password: a reset usually means the old one is known to someone else, and a
 * session signed in with it must not outlive it.
 */
export async function applyToSessions(sub: string, action: ChangeAction): Promise<string> {
  switch (action) {
    case "add_admin":
    case "remove_admin":
    case "add_user":
    case "remove_user":
      await requireUserRefresh(sub);
      return "sessions refresh at their next request";
    case "disable":
    case "reset_password": {
      await requireUserRefresh(sub);
      const revoked = await revokeAllUserSessions(sub);
      await signOutEverywhere(sub);
      return `${revoked} session${revoked === 1 ? "" : "s"} revoked; signed out of Cognito`;
    }
    case "enable":
      return "";
  }
}
