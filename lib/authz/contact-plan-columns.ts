/** Which contact attributes a query plan may filter on, and the columns that hold them. Pure. */
import { contacts } from "@/lib/db/schema";

import type { PlanColumns } from "@/lib/authz/plan-to-sql";

/**
 * Exactly the attributes toContactResource sends to Cerbos, no more: a policy condition on any other
 * attribute (name, email…) then fails to translate (deny) instead of filtering lists on data that single
 * checks never see, which would let a list show contacts a check on the same contact denies.
 */
export const CONTACT_PLAN_COLUMNS: PlanColumns = {
  "request.resource.attr.owner": contacts.owner,
  "request.resource.attr.private": contacts.isPrivate,
};
