import "server-only";
import type { AuthOptions } from "next-auth";
import NextAuth from "next-auth";
import type { JWT } from "next-auth/jwt";
import CognitoProvider from "next-auth/providers/cognito";
import { verifyAccessToken } from "@/lib/auth/token/access-token";
import { CognitoUnavailableError, RefreshRejectedError, refreshTokens } from "@/lib/auth/cognito-api";
import { passwordSessionCookie } from "@/lib/auth/session/password-cookies";
import {
  checkRegisteredSession,
  endRefusedSession,
  endRegisteredSession,
  isDatabaseUnavailable,
  recordRefresh,
  registerSession,
} from "@/lib/auth/session/app-registry";
import { issuedAtOf, issuedBeforeMark } from "@/lib/auth/session/refresh-mark";
import { clearPasswordSession } from "@/lib/auth/session/stored-session";
import { isExpired } from "@/lib/auth/token/lifetime";
import { getEnv, type CognitoSettings } from "@/lib/env";
import { paths } from "@/lib/paths";

declare module "next-auth/jwt" {
  /** What the next-auth session cookie holds: the tokens the server needs and the two claims the UI shows. */
  interface JWT {
    accessToken?: string;
    refreshToken?: string;
    expiresAt?: number;
    username?: string;
    /** The row in the session registry: every request checks it is neither revoked nor expired. */
    sessionId?: string;
  }
}

class SessionEndedError extends Error {
  override name = "SessionEndedError";
}

/**
 * Runs whenever next-auth reads its cookie through its own routes (the refresh route runs /api/auth/session): renews
 * the tokens when the access token has expired or predates the session's refresh mark (an admin changed the user's
 * groups). Throwing makes next-auth clear its cookie: the session is over.
 */
export async function renewIfStale(token: JWT, cognito: CognitoSettings): Promise<JWT> {
  if (!token.expiresAt || !token.accessToken) return token;
  if (!token.sessionId) {
    if (!isExpired(token.expiresAt)) return token;
    throw new SessionEndedError("the session has no registry row");
  }
  try {
    // A session the registry has ended is not renewed, whatever its refresh token says.
    const { state, session } = await checkRegisteredSession(token.sessionId);
    if (state !== "active") throw new SessionEndedError(`the session is ${state}`);
    const marked = issuedBeforeMark(issuedAtOf(token.accessToken), session?.refreshRequiredAt);
    if (!marked && !isExpired(token.expiresAt)) return token;
    if (!token.refreshToken || !token.username) throw new Error("session has no refresh token");
    const refreshed = await refreshTokens(cognito, token.refreshToken, token.username);
    const claims = await verifyAccessToken(refreshed.accessToken, cognito);
    await recordRefresh(token.sessionId, session, claims);
    const { accessToken, refreshToken } = refreshed;
    return { ...token, accessToken, refreshToken, expiresAt: claims.exp };
  } catch (error) {
    // Cognito or the database down: keep the session; the caller sees it still stale, shows "unavailable".
    if (error instanceof CognitoUnavailableError || isDatabaseUnavailable(error)) return token;
    if (error instanceof RefreshRejectedError) await endRefusedSession(token.sessionId);
    throw error; // refused: next-auth clears the session cookie
  }
}

function buildAuthOptions(): AuthOptions {
  const env = getEnv();
  const { cognito } = env;
  return {
    secret: env.NEXTAUTH_SECRET,
    useSecureCookies: env.secureCookies,
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: paths.signIn, error: paths.signIn },
    providers: [
      CognitoProvider({
        clientId: cognito.clientId,
        clientSecret: cognito.clientSecret,
        issuer: cognito.issuer,
        // next-auth's default is state only; PKCE protects the code even if it leaks.
        checks: ["pkce", "state"],
        // aws.cognito.signin.user.admin: without it Cognito refuses this session's access token for GlobalSignOut
        // ("sign out everywhere") and GetUser; the app client must allow the scope.
        authorization: { params: { scope: "openid email profile aws.cognito.signin.user.admin" } },
        // openid-client (discovery, token endpoint) defaults to 3500 ms; one knob for every Cognito call. Its timeout
        // is a socket-idle timeout that ends once headers arrive: a body that drips forever is not bounded by it.
        httpOptions: { timeout: cognito.timeoutMs },
      }),
    ],
    callbacks: {
      async jwt({ token, account, profile }) {
        if (account) {
          if (!account.access_token) throw new Error("Cognito returned no access token");
          const claims = await verifyAccessToken(account.access_token, cognito);
          // The profile is the ID token's claims, which openid-client has verified (signature, issuer, audience).
          const email = typeof profile?.email === "string" ? profile.email : undefined;
          // A fresh token object on every sign-in: nothing from an earlier session survives.
          return {
            sessionId: await registerSession("hosted-ui", claims, email),
            sub: claims.sub,
            email,
            username: claims.username ?? claims.sub,
            accessToken: account.access_token,
            refreshToken: account.refresh_token,
            expiresAt: claims.exp,
          };
        }
        return renewIfStale(token, cognito);
      },
      // What GET /api/auth/session shows the browser: never the tokens.
      async session({ session, token }) {
        return { expires: session.expires, user: { email: token.email ?? null } };
      },
    },
    events: {
      // One session at a time: a Hosted UI sign-in ends any direct session.
      async signIn() {
        const previous = await passwordSessionCookie.read();
        if (previous?.sessionId) await endRegisteredSession(previous.sessionId);
        await clearPasswordSession();
      },
    },
  };
}

let cachedOptions: AuthOptions | undefined;

export function getAuthOptions(): AuthOptions {
  cachedOptions ??= buildAuthOptions();
  return cachedOptions;
}

type RouteContext = { params: Promise<{ nextauth: string[] }> };

/** The next-auth route handler, built on first use so `next build` needs no environment. */
export function handleNextAuth(request: Request, context: RouteContext): Promise<Response> {
  const handler = NextAuth(getAuthOptions()) as (request: Request, context: RouteContext) => Promise<Response>;
  return handler(request, context);
}
