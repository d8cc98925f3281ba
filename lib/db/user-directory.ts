import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { users } from "@/lib/db/schema";

/** Who a Cognito `sub` is. The email always comes from Cognito (an ID token, the seed's user list), never a form. */
export type DirectoryUser = { sub: string; email: string };

/**
 * Adds the users to the directory, or refreshes the email of those already in it (an email can change in Cognito;
 * the sub never does). One statement, so a sign-in costs one round trip.
 */
export async function recordUsers(db: Database, entries: readonly DirectoryUser[]): Promise<void> {
  const unique = new Map(entries.map((entry) => [entry.sub, entry.email.trim().toLowerCase()]));
  const rows = [...unique].filter(([, email]) => email !== "").map(([sub, email]) => ({ sub, email }));
  if (rows.length === 0) return;
  await db
    .insert(users)
    .values(rows)
    .onConflictDoUpdate({
      target: users.sub,
      set: { email: sql`excluded.email`, updatedAt: sql`now()` },
      // Unchanged rows are not rewritten: a sign-in need not touch the row (nor its updated_at) every time.
      setWhere: sql`${users.email} is distinct from excluded.email`,
    });
}
