import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

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
  // For the list (lib/contacts/contact-store.ts), chosen with EXPLAIN (ANALYZE, BUFFERS) on PostgreSQL 15 at 100,000
  // contacts (6 owners, 30% private: a member reads ~75%). Plan filters: `owner = $1 OR private = false` (member),
  // none (admin). Before (name) → after (name, id) + (private, owner); medians of 40 runs, admin / member:
  // - page 1 (order by name, id limit 25): index scan of (name) + incremental sort, 150 buffers, 0.40 / 0.54 ms →
  //   index scan of (name, id), no sort, 37 / 48 buffers, 0.14 / 0.21 ms.
  // - offset 50,000: the same plans over 50,025 rows, 87 / 142 ms → 38 / 58 ms (no sort; the heap fetches stay).
  // - the count: exact count(*) 4 / 16 ms (every matching row, 2,252 buffers) → capped at 1,001: 0.2 / 0.13 ms, an
  //   index-only scan of contacts_owner_idx / (private, owner), 3 buffers; at a deep page's cap (50,026) the
  //   member's 1,504 buffers (seq scan) → 46 (index-only of (private, owner)), 11 → 4 ms.
  // - a search (`ILIKE '%…%'` on name, email, company) scans the table whatever the btree: exact counts ~110–130 ms,
  //   capped ~30–37 ms (4% matching); page 1 stays ~0.3 ms. A trigram index would be the next step.
  // A partial index does not fit an OR of the two columns, and a bitmap scan of (private, owner) would lose to the
  // early-stopping scans: the planner uses it for index-only counts only.
  (table) => [
    index("contacts_owner_idx").on(table.owner),
    index("contacts_name_id_idx").on(table.name, table.id),
    index("contacts_private_owner_idx").on(table.isPrivate, table.owner),
  ],
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
    /**
     * Set when an admin changed this user's groups: the tokens' `cognito:groups` are stale, so the session's next
     * request refreshes them (and clears this) before anything is decided on them.
     */
    refreshRequiredAt: timestamp("refresh_required_at", { withTimezone: true }),
  },
  (table) => [index("sessions_sub_idx").on(table.sub), index("sessions_origin_jti_idx").on(table.originJti)],
);

export type SessionRow = typeof sessions.$inferSelect;

/**
 * The newest time a user's groups (or enabled state) changed, per user: any access token of theirs issued before it
 * carries stale `cognito:groups`. Sessions carry their own mark (cleared once refreshed); this one is never cleared,
 * because a Bearer token may come from a sign-in the app never saw, so only the user can be looked up.
 */
export const userRefreshMarks = pgTable("user_refresh_marks", {
  sub: text("sub").primaryKey(),
  markedAt: timestamp("marked_at", { withTimezone: true }).notNull(),
});

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

/**
 * One contact shared with one person of the directory, as viewer (read) or editor (read and update). The policy
 * decides what a share allows: the contact's viewers and editors are sent to Cerbos as attributes, and list plans
 * become an EXISTS over this table (lib/authz/contact-plan-columns.ts). Deleting the contact deletes its shares.
 */
export const contactShares = pgTable(
  "contact_shares",
  {
    contactId: uuid("contact_id")
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    sub: text("sub")
      .notNull()
      .references(() => users.sub, { onDelete: "cascade" }),
    role: text("role", { enum: ["viewer", "editor"] }).notNull(),
    sharedBy: text("shared_by").notNull(),
    sharedAt: timestamp("shared_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // The primary key (contact_id, sub) serves the EXISTS of a list plan and a contact's own shares;
  // (sub, role, contact_id) serves "what is shared with me" should a plan ever start from the person.
  (table) => [
    primaryKey({ columns: [table.contactId, table.sub] }),
    index("contact_shares_sub_role_idx").on(table.sub, table.role, table.contactId),
  ],
);

export type ContactShareRow = typeof contactShares.$inferSelect;

/**
 * What admins did to users from the admin console (who, what, to whom, how it ended), newest first on the Audit page.
 * The PDP's decision log says what was allowed; this says what was done.
 */
export const adminActions = pgTable(
  "admin_actions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorSub: text("actor_sub").notNull(),
    actorEmail: text("actor_email"),
    action: text("action").notNull(),
    targetSub: text("target_sub").notNull(),
    targetEmail: text("target_email"),
    outcome: text("outcome", { enum: ["done", "refused", "failed"] }).notNull(),
    detail: text("detail").notNull().default(""),
    requestId: text("request_id"),
  },
  (table) => [index("admin_actions_at_idx").on(table.at)],
);

export type AdminActionRow = typeof adminActions.$inferSelect;
