import Link from "next/link";
import { Inspector } from "@/app/_components/inspector";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { ContactList } from "@/lib/contacts/contact-reads";
import { paths } from "@/lib/paths";

export type ListInspectorProps = {
  user: CurrentUser;
  list: ContactList;
  q: string | undefined;
};

const NO_CHECK = "no rows, so no CheckResources call";

/**
 * The list's inspector when it was opened (`?inspect=1`: the list was loaded with fresh PDP calls), else the link that
 * opens it on the same search and page. A normal load sends none of the JSON.
 */
export function ListInspector({ user, list, q }: ListInspectorProps) {
  const here = { q, page: list.page, pageSize: list.pageSize };
  if (!list.inspector) {
    return (
      <p className="text-sm">
        <Link href={paths.contactsWith({ ...here, inspect: true })} className="text-indigo-700 underline">
          Open the inspector
        </Link>{" "}
        <span className="text-slate-600">(the token’s claims and what Cerbos was asked and said)</span>
      </p>
    );
  }
  const { plan, check } = list.inspector;
  return (
    <>
      <Inspector
        note="These calls were made afresh for this view. Normal loads of the list may be answered from the decision cache (for a few seconds), so they need not call Cerbos at all."
        entries={[
          {
            title: "Token claims (verified access token)",
            value: user.claims,
            testId: "token-claims",
            epochFields: ["exp", "iat", "auth_time"],
          },
          { title: "Cerbos PlanResources request (read)", value: plan.request, testId: "plan-request" },
          { title: "Cerbos PlanResources response", value: plan.response, testId: "plan-response" },
          { title: "SQL filter the plan became", value: plan.filter, testId: "plan-sql" },
          {
            title: "Cerbos CheckResources request (rows shown, and the new contact the “New contact” link offers)",
            value: check.request,
            testId: "cerbos-request",
            whenEmpty: NO_CHECK,
          },
          {
            title: "Cerbos CheckResources response",
            value: check.response,
            testId: "cerbos-response",
            whenEmpty: NO_CHECK,
          },
        ]}
      />
      <p className="text-sm">
        <Link href={paths.contactsWith(here)} className="text-indigo-700 underline">
          Close the inspector
        </Link>
      </p>
    </>
  );
}
