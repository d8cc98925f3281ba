"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runUserAction, type UserActionResult } from "@/lib/admin/user-mutation";
import { ACTION_LABELS } from "@/lib/admin/user-action-rules";
import { getActingUser } from "@/lib/auth/acting-user";
import { paths } from "@/lib/paths";

/**
 * What the row's form shows after an action. `code` is the HTTP status the outcome stands for (a server action's
 * response is Next's own), so the page and the tests read one set of codes: 400 bad input, 403 refused, 404 no such
 * user, 409 Cognito refused the change. The temporary password is here once, in this response, and nowhere else.
 */
export type UserActionState =
  | { status: "idle" }
  | { status: "done"; message: string; temporaryPassword?: string }
  | { status: "error"; code: 400 | 401 | 403 | 404 | 409 | 503; message: string };

function text(formData: FormData, name: string): string | undefined {
  const value = formData.get(name);
  return typeof value === "string" ? value : undefined;
}

/** What is known when the change may have landed, or did but its sessions step failed: never "nothing changed". */
function uncertainMessage(result: Extract<UserActionResult, { status: "unavailable" }>): string {
  const change =
    result.changed === "maybe"
      ? "Cognito did not answer in time: the change may have been made."
      : "The change was made in Cognito.";
  const sessions = result.sessionsUpdated
    ? "To be safe, the user's sessions were refreshed or ended as if it had."
    : `The user's sessions could not be updated (${result.reason} unavailable): they keep their tokens until these expire.`;
  return `${change} ${sessions} Reload the page to see the user as Cognito has it now.`;
}

export async function userAction(_previous: UserActionState, formData: FormData): Promise<UserActionState> {
  const result = await runUserAction(await getActingUser(), {
    sub: text(formData, "sub"),
    action: text(formData, "action"),
  });
  switch (result.status) {
    case "done": {
      revalidatePath(paths.admin.users);
      const message = `${ACTION_LABELS[result.input.action]}: done for ${result.targetEmail ?? result.input.sub}.`;
      return result.temporaryPassword
        ? { status: "done", message, temporaryPassword: result.temporaryPassword }
        : { status: "done", message };
    }
    case "unavailable":
      // Nothing was decided or changed: the 503 page, with a way back to the console. When the change may have
      // landed, that page's "nothing was changed" would be false: the row says what is known instead.
      if (result.changed) return { status: "error", code: 503, message: uncertainMessage(result) };
      redirect(paths.unavailableWith({ reason: result.reason, returnTo: paths.admin.users }));
    case "invalid":
      return { status: "error", code: 400, message: result.message };
    case "unauthenticated":
      return {
        status: "error",
        code: 401,
        message: "Your session has ended; nothing was changed. Reload the page to sign in again.",
      };
    case "not-found":
      return { status: "error", code: 404, message: "This user is no longer in the pool; nothing was changed." };
    case "refused":
      return { status: "error", code: 403, message: result.message };
    case "failed":
      return { status: "error", code: 409, message: result.message };
  }
}
