import "server-only";
import { revokeRefreshToken } from "@/lib/auth/cognito-api";
import { passwordRefreshCookie, passwordSessionCookie } from "@/lib/auth/session/password-cookies";
import { endRegisteredSession, isDatabaseUnavailable } from "@/lib/auth/session/app-registry";
import { clearAllSessions, readNextAuthToken } from "@/lib/auth/session/stored-session";
import { getEnv } from "@/lib/env";
import { paths } from "@/lib/paths";

/**
 * Ends both kinds of session: the registry row first (so every copy of the cookie is dead on every instance), then
 * the refresh token at Cognito and the cookies. Says where the browser goes next: for a Hosted UI session, Cognito's
 * /logout (which ends its own session cookie) and back to a registered URL. When the registry cannot be reached
 * nothing is changed and the browser is told so: clearing only this copy of the cookie would be a sign-out in name.
 */
export async function signOut(): Promise<URL> {
  const env = getEnv();
  const signedOutPage = new URL(`${paths.signIn}?signedOut=1`, env.appUrl);
  const [passwordSession, passwordRefresh, hostedUi] = await Promise.all([
    passwordSessionCookie.read(),
    passwordRefreshCookie.read(),
    readNextAuthToken(),
  ]);
  try {
    for (const id of [passwordSession?.sessionId, hostedUi?.sessionId]) if (id) await endRegisteredSession(id);
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    return new URL(paths.unavailableWith({ reason: "database", returnTo: paths.contacts }), env.appUrl);
  }
  const refreshToken = passwordRefresh?.refreshToken ?? hostedUi?.refreshToken;
  if (refreshToken) await revokeRefreshToken(env.cognito, refreshToken);
  await clearAllSessions();
  if (passwordSession || !hostedUi) return signedOutPage;
  const logout = new URL("/logout", env.cognito.hostedUiUrl);
  logout.searchParams.set("client_id", env.cognito.clientId);
  logout.searchParams.set("logout_uri", signedOutPage.toString());
  return logout;
}
