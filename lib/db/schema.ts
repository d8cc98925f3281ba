import { boolean, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * A contact. `owner` is the Cognito `sub` of its creator and is set from the principal, never from input;
 * `version` increases on every update so a stale edit can be detected instead of overwriting a newer one.
 */
export const contacts = pgTable(
  "contacts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    owner: text("owner").notNull(),
    name: text("name").notNull(),
    email: text("email"),
    phone: text("phone"),
    company: text("company"),
    notes: text("notes"),
    isPrivate: boolean("private").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (table) => [index("contacts_owner_idx").on(table.owner), index("contacts_name_idx").on(table.name)],
);

export type ContactRow = typeof contacts.$inferSelect;
export type NewContactRow = typeof contacts.$inferInsert;

/**
 * Failed sign-in attempts, shared by every app instance. `key` names what is counted: one account from one
 * address (`account:<email>|<address>`) or one address alone (`address:<address>`).
 */
export const signInFailures = pgTable(
  "sign_in_failures",
  {
    key: text("key").primaryKey(),
    failures: integer("failures").notNull(),
    lastFailureAt: timestamp("last_failure_at", { withTimezone: true }).notNull(),
  },
  // Forgotten rows are purged by age.
  (table) => [index("sign_in_failures_last_failure_idx").on(table.lastFailureAt)],
);

export type SignInFailureRow = typeof signInFailures.$inferSelect;

/**
 * One row per sign-in (either kind): the server's memory that a session exists, so signing out, a timeout or
 * "sign out everywhere" ends it on every instance, whatever copies of its cookie are still around. `id` is the
 * random secret sealed into the cookie; `originJti` is the Cognito `origin_jti` of the session's tokens, so a
 * Bearer access token of an ended session can be refused too.
 */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    sub: text("sub").notNull(),
    method: text("method", { enum: ["password", "hosted-ui"] }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull(),
    idleExpiresAt: timestamp("idle_expires_at", { withTimezone: true }).notNull(),
    absoluteExpiresAt: timestamp("absolute_expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    userAgent: text("user_agent").notNull().default(""),
    originJti: text("origin_jti"),
  },
  (table) => [index("sessions_sub_idx").on(table.sub), index("sessions_origin_jti_idx").on(table.originJti)],
);

export type SessionRow = typeof sessions.$inferSelect;

/**
 * The user directory: who a Cognito `sub` is, so a contact can show its owner's email. Filled at every sign-in
 * (from the ID token) and by the seed; a later sharing feature looks people up here. Never from user input.
 */
export const users = pgTable("users", {
  sub: text("sub").primaryKey(),
  email: text("email").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type UserRow = typeof users.$inferSelect;
