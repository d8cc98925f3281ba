"use server";

import "server-only";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getActingUser } from "@/lib/auth/acting-user";
import { CognitoUnavailableError } from "@/lib/auth/cognito-api";
import { globalSignOut } from "@/lib/auth/token/cognito-checks";
import { SESSION_ID_PATTERN } from "@/lib/auth/session/registry";
import { isDatabaseUnavailable, revokeAllUserSessions, revokeUserSession } from "@/lib/auth/session/app-registry";
import { readStoredSession } from "@/lib/auth/session/stored-session";
import { signOut } from "@/lib/auth/session/sign-out";
import { getEnv } from "@/lib/env";
import { paths } from "@/lib/paths";

/**
 * The sessions page's two buttons. Each re-authenticates (refreshing an expired token, as every action does), and
 * acts only on rows of the signed-in user: the owner comes from the session, never from the form.
 */

const revokeSchema = z.object({ sessionId: z.string().regex(SESSION_ID_PATTERN, "Not a session id.") });

const unavailable = (reason: "database" | "cognito") => paths.unavailableWith({ reason, returnTo: paths.sessions });

async function orUnavailable<T>(run: () => Promise<T>): Promise<T> {
  let reason: "database" | "cognito";
  try {
    return await run();
  } catch (error) {
    if (isDatabaseUnavailable(error)) reason = "database";
    else if (error instanceof CognitoUnavailableError) reason = "cognito";
    else throw error;
  }
  redirect(unavailable(reason));
}

async function actingUserOrSignIn() {
  const user = await orUnavailable(getActingUser);
  if (!user?.sessionId) redirect(paths.signInWith({ callbackUrl: paths.sessions }));
  return { ...user, sessionId: user.sessionId };
}

export async function revokeSessionAction(formData: FormData): Promise<void> {
  const user = await actingUserOrSignIn();
  const parsed = revokeSchema.safeParse({ sessionId: formData.get("sessionId") });
  if (!parsed.success) redirect(paths.sessionsWith({ error: "invalid" }));
  const { sessionId } = parsed.data;
  const revoked = await orUnavailable(() => revokeUserSession(sessionId, user.sub));
  // Revoking this browser's own session is signing out here: end the refresh token and the cookies as well.
  if (sessionId === user.sessionId) redirect((await signOut()).toString());
  redirect(paths.sessionsWith(revoked ? { revoked: true } : { error: "not-found" }));
}

/**
 * Cognito first: if it cannot be reached nothing has changed and the person is told so, rather than ending the
 * app's rows while refresh tokens held elsewhere live on. A token Cognito already refuses is no reason to stop.
 */
export async function signOutEverywhereAction(): Promise<void> {
  const user = await actingUserOrSignIn();
  const stored = await readStoredSession();
  if (stored) await orUnavailable(() => globalSignOut(getEnv().cognito, stored.accessToken));
  await orUnavailable(() => revokeAllUserSessions(user.sub));
  redirect((await signOut()).toString());
}
