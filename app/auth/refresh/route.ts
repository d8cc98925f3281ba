import { NextResponse } from "next/server";
import { refreshSession } from "@/lib/auth/session/refresh";
import { safeReturnPath } from "@/lib/auth/return-to";
import { clearAllSessions } from "@/lib/auth/session/stored-session";
import { getEnv } from "@/lib/env";
import { paths } from "@/lib/paths";

export const dynamic = "force-dynamic";

/**
 * Pages send an expired session here: server components cannot write cookies, route handlers can.
 * Refreshes with the refresh token and goes back; if Cognito refuses, the session ends with a message.
 */
export async function GET(request: Request) {
  const returnTo = safeReturnPath(new URL(request.url).searchParams.get("returnTo"));
  const appUrl = getEnv().appUrl;
  const outcome = await refreshSession();
  switch (outcome.status) {
    case "refreshed":
      return NextResponse.redirect(new URL(returnTo, appUrl), 303);
    case "unavailable":
      return NextResponse.redirect(new URL(paths.unavailableWith({ reason: "cognito", returnTo }), appUrl), 303);
    case "rejected":
      await clearAllSessions();
      return NextResponse.redirect(
        new URL(paths.signInWith({ error: "SessionExpired", callbackUrl: returnTo }), appUrl),
        303,
      );
    case "no-session":
      return NextResponse.redirect(new URL(paths.signInWith({ callbackUrl: returnTo }), appUrl), 303);
  }
}
