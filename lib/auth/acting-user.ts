import "server-only";
import { type CurrentUser, getCurrentUser, resolveAccessToken } from "@/lib/auth/current-user";
import { refreshSession } from "@/lib/auth/session/refresh";

/**
 * For server actions: the signed-in user, refreshing an expired access token on the spot (actions may write
 * cookies, server components may not), so a form submitted after the token expired still goes through.
 * Null when there is no session, or it cannot be renewed: the action then saves nothing.
 */
export async function getActingUser(): Promise<CurrentUser | null> {
  const resolution = await getCurrentUser();
  if (resolution.status === "signed-in") return resolution.user;
  if (resolution.status !== "expired") return null;
  const refreshed = await refreshSession();
  if (refreshed.status !== "refreshed") return null;
  const renewed = await resolveAccessToken(refreshed.accessToken, refreshed.email, refreshed.kind);
  return renewed.status === "signed-in" ? { ...renewed.user, sessionId: refreshed.sessionId } : null;
}
