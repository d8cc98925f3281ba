/** Which contact attributes a query plan may filter on, and the columns that hold them. Pure. */
import { contacts, contactShares } from "@/lib/db/schema";

import type { PlanColumns, PlanListAttribute } from "@/lib/authz/plan-to-sql";

/**
 * A share list (`viewers`, `editors`): the contact's rows in contact_shares with that role, exactly what
 * shareListsFor (lib/contacts/contact-shares.ts) puts in the resource. An editor is not also a viewer here: the
 * policy lets editors read, so the lists and the single checks agree by construction, one role per person.
 */
const sharedAs = (role: "viewer" | "editor"): PlanListAttribute => ({
  kind: "list",
  table: contactShares,
  references: { from: contactShares.contactId, to: contacts.id },
  member: contactShares.sub,
  only: { column: contactShares.role, value: role },
});

/**
 * Exactly the attributes toContactResource sends to Cerbos, no more: a policy condition on any other
 * attribute (name, email…) then fails to translate (deny) instead of filtering lists on data that single
 * checks never see, which would let a list show contacts a check on the same contact denies.
 */
export const CONTACT_PLAN_COLUMNS: PlanColumns = {
  "request.resource.attr.owner": contacts.owner,
  "request.resource.attr.private": contacts.isPrivate,
  "request.resource.attr.viewers": sharedAs("viewer"),
  "request.resource.attr.editors": sharedAs("editor"),
};
