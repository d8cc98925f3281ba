import "server-only";

import { randomUUID } from "node:crypto";

import type { HTTP } from "@cerbos/http";

import { callCerbos, getCerbos, type CerbosClient } from "@/lib/authz/cerbos-client";
import { CONTACT_ACTIONS, CONTACT_KIND, toContactResource, type ContactRecord } from "@/lib/authz/contact-resources";
import { decideContactPermissions, type ContactPermissions } from "@/lib/authz/decision-reasons";
import { toPdpRequestJson, toPdpResponseJson } from "@/lib/authz/pdp-json";
import { toRequestPrincipal, type ContactPrincipal } from "@/lib/authz/principal";

type CheckResourcesRequest = Parameters<HTTP["checkResources"]>[0];
type CheckResourcesResponse = Awaited<ReturnType<HTTP["checkResources"]>>;

/** The PDP's default limit per CheckResources request (server.requestLimits.maxResourcesPerRequest). */
export const MAX_RESOURCES_PER_REQUEST = 50;

/** A contact as it was given, with what the principal may do with it. */
export type CheckedContact<T extends ContactRecord> = { contact: T; permissions: ContactPermissions };

export type ContactCheck<T extends ContactRecord> = {
  /** The CheckResources request body as the REST API takes it (paste it into `curl`); an array when split. */
  request: unknown;
  /** The PDP's answer in its JSON form (see pdp-json.ts); an array when the request was split. */
  response: unknown;
  /** One per contact, in the order given. */
  contacts: CheckedContact<T>[];
};

function splitIntoChunks<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

function buildCheckRequest(
  principal: ContactPrincipal,
  contacts: readonly ContactRecord[],
  requestId: string,
): CheckResourcesRequest {
  return {
    requestId,
    principal: toRequestPrincipal(principal),
    resources: contacts.map((contact) => ({
      resource: toContactResource(contact),
      actions: [...CONTACT_ACTIONS],
    })),
    // The rule outputs carry the reasons; the metadata names the policy and derived roles when they do not.
    includeMetadata: true,
  };
}

/** Fails closed: a contact or an action the PDP did not answer for is denied. */
function decideContacts<T extends ContactRecord>(contacts: readonly T[], responses: CheckResourcesResponse[]) {
  const resultsById = new Map(
    responses
      .flatMap((response) => response.results)
      .filter((result) => result.resource.kind === CONTACT_KIND)
      .map((result) => [result.resource.id, result]),
  );
  return contacts.map((contact) => ({ contact, permissions: decideContactPermissions(resultsById.get(contact.id)) }));
}

function assertUniqueIds(contacts: readonly ContactRecord[]): void {
  // Results are matched by id: two contacts sharing one could receive each other's decision.
  if (new Set(contacts.map((contact) => contact.id)).size !== contacts.length) {
    throw new Error("checkContactActions: contact ids must be unique");
  }
}

/**
 * Asks the PDP, in one round trip (chunks of 50 sent together), which of read/update/delete the
 * principal may perform on each contact, and why. Throws AuthorizationUnavailableError if any chunk fails.
 */
export async function checkContactActions<T extends ContactRecord>(
  principal: ContactPrincipal,
  contacts: readonly T[],
  client: CerbosClient = getCerbos(),
): Promise<ContactCheck<T>> {
  assertUniqueIds(contacts);
  if (contacts.length === 0) return { request: null, response: null, contacts: [] };

  const requestId = randomUUID();
  const requests = splitIntoChunks(contacts, MAX_RESOURCES_PER_REQUEST).map((chunk) =>
    buildCheckRequest(principal, chunk, requestId),
  );
  const responses = await Promise.all(
    requests.map((request) => callCerbos(client, (http, options) => http.checkResources(request, options))),
  );
  const requestJson = requests.map(toPdpRequestJson);
  const responseJson = responses.map(toPdpResponseJson);
  return {
    request: requestJson.length === 1 ? requestJson[0] : requestJson,
    response: responseJson.length === 1 ? responseJson[0] : responseJson,
    contacts: decideContacts(contacts, responses),
  };
}
