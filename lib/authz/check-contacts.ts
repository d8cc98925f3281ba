import "server-only";

import { getCerbos, type CerbosClient } from "@/lib/authz/cerbos-client";
import { checkBatch, type CheckItem } from "@/lib/authz/check-batch";
import { CONTACT_ACTIONS, toContactResource, type ContactRecord } from "@/lib/authz/contact-resources";
import type { ContactResource } from "@/lib/authz/contact-resources";
import { decideAction, type ActionDecision, type ContactPermissions } from "@/lib/authz/decision-reasons";
import type { ContactPrincipal } from "@/lib/authz/principal";

export { MAX_RESOURCES_PER_REQUEST } from "@/lib/authz/check-batch";

/** A contact as it was given, with what the principal may do with it. */
export type CheckedContact<T extends ContactRecord> = { contact: T; permissions: ContactPermissions };

export type ContactCheck<T extends ContactRecord> = {
  /** The CheckResources request body as the REST API takes it (paste it into `curl`); an array when split. */
  request: unknown;
  /** The PDP's answer in its JSON form (see pdp-json.ts); an array when the request was split. */
  response: unknown;
  /** One per contact, in the order given. */
  contacts: CheckedContact<T>[];
  /** Whether the principal may create `options.create` (the proposed new contact), when it was asked. */
  create?: ActionDecision;
};

export type ContactCheckOptions = {
  /** A proposed new contact (toProposedContactResource) to decide `create` on in the same batch as the rows. */
  create?: ContactResource;
};

/**
 * Asks the PDP, in one round trip (chunks of 50 sent together), which of read/update/delete the principal may
 * perform on each contact, and why; with `options.create`, also whether they may create that proposed contact.
 * Answers from the client's decision caches where they hold it (see decision-cache.ts). Throws
 * AuthorizationUnavailableError if any chunk fails.
 */
export async function checkContactActions<T extends ContactRecord>(
  principal: ContactPrincipal,
  contacts: readonly T[],
  client: CerbosClient = getCerbos(),
  options: ContactCheckOptions = {},
): Promise<ContactCheck<T>> {
  if (new Set(contacts.map((contact) => contact.id)).size !== contacts.length) {
    // Results are matched by id: two contacts sharing one could receive each other's decision.
    throw new Error("checkContactActions: contact ids must be unique");
  }
  const items: CheckItem[] = contacts.map((contact) => ({
    resource: toContactResource(contact),
    actions: CONTACT_ACTIONS,
  }));
  if (options.create) items.push({ resource: options.create, actions: ["create"] });
  if (items.length === 0) return { request: null, response: null, contacts: [] };

  const { request, response, decisions } = await checkBatch(principal, items, client);
  const permissionsAt = (index: number): ContactPermissions => {
    const decided = decisions[index];
    return {
      read: decided?.read ?? decideAction(undefined, "read"),
      update: decided?.update ?? decideAction(undefined, "update"),
      delete: decided?.delete ?? decideAction(undefined, "delete"),
    };
  };
  return {
    request,
    response,
    contacts: contacts.map((contact, index) => ({ contact, permissions: permissionsAt(index) })),
    ...(options.create && { create: decisions[contacts.length]?.create ?? decideAction(undefined, "create") }),
  };
}
