import "server-only";
import { desc } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { type AdminActionRow, adminActions } from "@/lib/db/schema";
import { getLogger } from "@/lib/log/logger";

/** One admin action as it is recorded: who (sub and email), what, to whom, how it ended and why. */
export type AdminActionEntry = {
  actorSub: string;
  actorEmail: string | undefined;
  action: string;
  targetSub: string;
  targetEmail: string | undefined;
  outcome: AdminActionRow["outcome"];
  detail: string;
  requestId: string | undefined;
};

/** The Audit page shows this many, newest first. */
export const ADMIN_ACTIONS_SHOWN = 100;

/**
 * Writes the admin_actions row (in the caller's transaction, so it commits with the decision it records) and one
 * log line. The log line names people by sub only: the logger redacts emails, and the row keeps them.
 * `detail` is a reason or a count, never a password.
 */
export async function recordAdminAction(db: Pick<Database, "insert">, entry: AdminActionEntry): Promise<void> {
  await db.insert(adminActions).values({
    actorSub: entry.actorSub,
    actorEmail: entry.actorEmail ?? null,
    action: entry.action,
    targetSub: entry.targetSub,
    targetEmail: entry.targetEmail ?? null,
    outcome: entry.outcome,
    detail: entry.detail,
    requestId: entry.requestId ?? null,
  });
  getLogger().info(
    {
      kind: "admin-action",
      requestId: entry.requestId ?? null,
      actorSub: entry.actorSub,
      action: entry.action,
      targetSub: entry.targetSub,
      outcome: entry.outcome,
      detail: entry.detail,
    },
    "admin-action",
  );
}

export async function listRecentAdminActions(db: Database, limit = ADMIN_ACTIONS_SHOWN): Promise<AdminActionRow[]> {
  return db.select().from(adminActions).orderBy(desc(adminActions.at), desc(adminActions.id)).limit(limit);
}
