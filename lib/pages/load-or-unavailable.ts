import "server-only";
import { redirect } from "next/navigation";
import { AuthorizationUnavailableError } from "@/lib/authz/cerbos-client";
import { DatabaseUnavailableError } from "@/lib/db/unavailable";
import { paths, type UnavailableReason } from "@/lib/paths";

/**
 * For pages: when Cerbos or the database cannot answer, nothing is shown and the browser lands on a real 503
 * (a server component cannot set its own status). Anything else is a bug and goes to the error page.
 */
export async function loadOrUnavailable<T>(load: () => Promise<T>, returnTo: string): Promise<T> {
  let reason: UnavailableReason;
  try {
    return await load();
  } catch (error) {
    if (error instanceof AuthorizationUnavailableError) reason = "cerbos";
    else if (error instanceof DatabaseUnavailableError) reason = "database";
    else throw error;
  }
  redirect(paths.unavailableWith({ reason, returnTo }));
}
