import { NextResponse } from "next/server";
import { signOut } from "@/lib/auth/session/sign-out";
import { apiError } from "@/lib/api/errors";
import { isSameOriginRequest } from "@/lib/http/same-origin";

export const dynamic = "force-dynamic";

/** The "Sign out" form posts here; a cross-site form cannot sign a user out. */
export async function POST(request: Request) {
  if (!isSameOriginRequest(request)) return apiError("cross_origin");
  const next = await signOut();
  // 303: the browser follows with a GET, and the back button does not resubmit the form.
  return NextResponse.redirect(next, 303);
}
