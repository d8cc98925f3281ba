/**
 * What the contact policy decides, and the reason the app shows beside each decision. Literal strings on purpose:
 * they are the contract of cerbos/policies/contact.yaml as people see it, so a changed rule shows up here.
 */
import { expect, type Locator } from "@playwright/test";

export type ContactAction = "read" | "update" | "delete";
export type ActionDecision = { allowed: boolean; reason: string };
export type ContactDecisions = Record<ContactAction, ActionDecision>;

const everything = (reason: string): ContactDecisions => ({
  read: { allowed: true, reason },
  update: { allowed: true, reason },
  delete: { allowed: true, reason },
});

/** The owner's own contact ("owner" outranks "not private" on a public one). */
export const OWNER_DECISIONS = everything("owner");
/** An admin's view of any contact, their own included ("admin role" outranks "owner"). */
export const ADMIN_DECISIONS = everything("admin role");
/** Another member's public contact: readable, but only its owner (or an admin) may change it. */
export const READER_DECISIONS: ContactDecisions = {
  read: { allowed: true, reason: "not private" },
  update: { allowed: false, reason: "not the owner" },
  delete: { allowed: false, reason: "not the owner" },
};

/** A contact shared with a member as viewer, private or not: the share is the reason ("shared" outranks "not private"). */
export const SHARED_VIEWER_DECISIONS: ContactDecisions = {
  read: { allowed: true, reason: "shared with you as viewer" },
  update: { allowed: false, reason: "not the owner" },
  delete: { allowed: false, reason: "not the owner" },
};
/** A contact shared with a member as editor: read and update, never delete. */
export const SHARED_EDITOR_DECISIONS: ContactDecisions = {
  read: { allowed: true, reason: "shared with you as editor" },
  update: { allowed: true, reason: "shared with you as editor" },
  delete: { allowed: false, reason: "not the owner" },
};

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Checks the three `<span data-action data-allowed>` decisions inside `scope` (a table row, or the detail page's
 * section): the machine-readable flag and the visible "Allowed"/"Denied" followed by the reason.
 */
export async function expectDecisions(scope: Locator, expected: ContactDecisions): Promise<void> {
  for (const action of ["read", "update", "delete"] as const) {
    const { allowed, reason } = expected[action];
    const decision = scope.locator(`[data-action="${action}"]`);
    await expect(decision, action).toHaveAttribute("data-allowed", String(allowed));
    await expect(decision, action).toHaveText(
      new RegExp(`^${allowed ? "Allowed" : "Denied"}\\s*${escapeRegExp(reason)}$`),
    );
  }
}
