// Integration: query plans from the real PDP, translated to SQL and run on an in-memory PGlite table, and
// checked row by row against CheckResources: a list must show exactly what single checks allow.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createCerbosClient, type CerbosClient } from "@/lib/authz/cerbos-client";
import { checkContactPermissions } from "@/lib/authz/check-contact-action";
import { checkContactActions } from "@/lib/authz/check-contacts";
import { CONTACT_PLAN_COLUMNS } from "@/lib/authz/contact-plan-columns";
import { createDecisionCaches } from "@/lib/authz/decision-cache";
import { CONTACT_ACTIONS, type ContactAction, type ContactRecord } from "@/lib/authz/contact-resources";
import { planContactAccess } from "@/lib/authz/plan-contacts";
import { planToSql } from "@/lib/authz/plan-to-sql";
import { principalFromIdentity, type ContactPrincipal } from "@/lib/authz/principal";
import { createRandom } from "@/lib/db/generate-contacts";
import { createContactsDb, testUuid, type ContactsDb, type TestShare } from "@/lib/testing/contacts-db";
import { startPdp, type PdpProcess } from "@/lib/testing/pdp-process";

const PERSONAS: Record<string, ContactPrincipal> = {
  admin: principalFromIdentity({ sub: "sub-admin", groups: ["admin"] }).principal,
  "admin and user": principalFromIdentity({ sub: "sub-both", groups: ["user", "admin"] }).principal,
  "user one": principalFromIdentity({ sub: "sub-user-1", groups: ["user"] }).principal,
  "user two": principalFromIdentity({ sub: "sub-user-2", groups: ["user"] }).principal,
  "no role": principalFromIdentity({ sub: "sub-nobody", groups: [] }).principal,
};
const OWNERS = [...Object.values(PERSONAS).map((p) => p.id), "someone-else", "another-one"];

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

/** Each person (personas and others alike) at most once per contact, as viewer or editor; owners included. */
function randomShares(random: () => number, contactId: string): TestShare[] {
  if (random() < 0.4) return [];
  return OWNERS.filter(() => random() < 0.3).map((sub) => ({
    contactId,
    sub,
    role: random() < 0.5 ? "viewer" : "editor",
  }));
}

/** Seeded (the seed data's PRNG), so a failure can be replayed with the same data. */
function randomContacts(count: number, seed: number): { contacts: ContactRecord[]; shares: TestShare[] } {
  const random = createRandom(seed);
  const shares: TestShare[] = [];
  const contacts = Array.from({ length: count }, (_, i) => {
    const id = testUuid(i + 1);
    const own = randomShares(random, id);
    shares.push(...own);
    const subs = (role: TestShare["role"]) => own.filter((share) => share.role === role).map((share) => share.sub);
    return {
      id,
      name: `Contact ${i + 1}`,
      owner: pick(random, OWNERS),
      isPrivate: random() < 0.5,
      shares: { viewers: subs("viewer"), editors: subs("editor") },
    };
  });
  return { contacts, shares };
}

type JsonExpression = { expression?: { operator?: string; operands?: unknown[] } };

/** `a or (b or c)` as `a or b or c`: the PDP nests its and/or differently from one call to the next (seen in 0.51). */
function flattened(operator: unknown, operands: unknown[]): unknown[] {
  return operands.flatMap((operand) => {
    const inner = (operand as JsonExpression).expression;
    return inner !== undefined && inner.operator === operator && Array.isArray(inner.operands)
      ? flattened(operator, inner.operands)
      : [operand];
  });
}

/** The PDP lists and/or operands in no fixed order and nests them in no fixed way: compare them as flat sets. */
function withSortedOperands(json: unknown): unknown {
  if (Array.isArray(json)) return json.map(withSortedOperands);
  if (typeof json !== "object" || json === null) return json;
  const operator = "operator" in json ? json.operator : undefined;
  const entries = Object.entries(json).map(([key, value]) => {
    if (key !== "operands" || !Array.isArray(value)) return [key, withSortedOperands(value)];
    const normalized = flattened(operator, value).map(withSortedOperands);
    return [key, normalized.toSorted((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))];
  });
  return Object.fromEntries(entries);
}

const isSharedWith = (contact: ContactRecord, sub: string) =>
  contact.shares.viewers.includes(sub) || contact.shares.editors.includes(sub);

let pdp: PdpProcess;
let client: CerbosClient;
let db: ContactsDb;
const { contacts: CONTACTS, shares: SHARES } = randomContacts(240, 20_240_601);

beforeAll(async () => {
  [pdp, db] = await Promise.all([startPdp(3794, 3795), createContactsDb()]);
  client = createCerbosClient({ url: pdp.url, timeoutMs: 5_000 });
  await db.insertContacts(CONTACTS.map(({ id, name, owner, isPrivate }) => ({ id, name, owner, isPrivate })));
  await db.insertShares(SHARES);
});
afterAll(async () => Promise.all([pdp?.stop(), db?.close()]));

/** The ids the plan lets `principal` see, the way contact-reads.ts queries them. */
async function listByPlan(principal: ContactPrincipal, action: ContactAction, via: CerbosClient = client) {
  const { plan } = await planContactAccess(principal, action, via);
  const query = planToSql(plan, CONTACT_PLAN_COLUMNS);
  if (query.kind === "none") return { query, ids: [] };
  return { query, ids: await db.selectIds(query.kind === "where" ? query.where : undefined) };
}

describe("planContactAccess → planToSql against the PDP", () => {
  it("lets admin see everything", async () => {
    const { query, ids } = await listByPlan(PERSONAS.admin as ContactPrincipal, "read");
    expect(query).toEqual({ kind: "all" });
    expect(ids).toHaveLength(CONTACTS.length);
  });

  it("lets a user see their own contacts, the others' that are not private, and those shared with them", async () => {
    const { query, ids } = await listByPlan(PERSONAS["user one"] as ContactPrincipal, "read");
    expect(query).toMatchObject({
      kind: "where",
      text:
        "(EXISTS(contact_shares: editor = 'sub-user-1') OR EXISTS(contact_shares: viewer = 'sub-user-1') OR " +
        "owner = 'sub-user-1' OR private = false)",
    });
    const expected = CONTACTS.filter((c) => c.owner === "sub-user-1" || !c.isPrivate || isSharedWith(c, "sub-user-1"));
    expect(ids).toEqual(expected.map((c) => c.id).sort());
  });

  it("lets a user update their own and those shared with them as editor, and delete only their own", async () => {
    const { query } = await listByPlan(PERSONAS["user one"] as ContactPrincipal, "update");
    expect(query).toMatchObject({
      kind: "where",
      text: "(EXISTS(contact_shares: editor = 'sub-user-1') OR owner = 'sub-user-1')",
    });
    const deletable = await listByPlan(PERSONAS["user one"] as ContactPrincipal, "delete");
    expect(deletable.query).toMatchObject({ kind: "where", text: "owner = 'sub-user-1'" });
  });

  it("lets no_role see nothing", async () => {
    await expect(listByPlan(PERSONAS["no role"] as ContactPrincipal, "read")).resolves.toEqual({
      query: { kind: "none" },
      ids: [],
    });
  });

  it("captures a request that replays verbatim and the response as the PDP's JSON", async () => {
    const captured = await planContactAccess(PERSONAS["user one"] as ContactPrincipal, "read", client);
    expect(captured.request).toMatchObject({ actions: ["read"], resource: { kind: "contact" }, includeMeta: true });
    const replay = await fetch(`${pdp.url}/api/plan/resources`, {
      method: "POST",
      body: JSON.stringify(captured.request),
    });
    const raw = withSortedOperands(await replay.json()) as { meta: object };
    expect(withSortedOperands(captured.response)).toEqual({
      ...raw,
      meta: { ...raw.meta, filterDebug: expect.any(String) },
      cerbosCallId: expect.any(String),
    });
    expect(JSON.parse(JSON.stringify(captured))).toMatchObject({
      request: captured.request,
      response: captured.response,
    });
  });
});

describe("a list by plan equals the contacts single checks allow", () => {
  it.each(Object.keys(PERSONAS).flatMap((persona) => CONTACT_ACTIONS.map((action) => [persona, action] as const)))(
    "%s, %s",
    async (persona, action) => {
      const principal = PERSONAS[persona] as ContactPrincipal;
      const [{ ids }, check] = await Promise.all([
        listByPlan(principal, action),
        checkContactActions(principal, CONTACTS, client),
      ]);
      const allowed = check.contacts.filter((c) => c.permissions[action].allowed).map((c) => c.contact.id);
      expect(ids).toEqual(allowed.sort());
    },
  );

  it("uses a data set where the plan actually filters, and shares decide some rows", () => {
    const visibleToUser = CONTACTS.filter(
      (c) => c.owner === "sub-user-1" || !c.isPrivate || isSharedWith(c, "sub-user-1"),
    ).length;
    const sharedPrivate = (role: "viewers" | "editors") =>
      CONTACTS.filter((c) => c.isPrivate && c.owner !== "sub-user-1" && c.shares[role].includes("sub-user-1"));
    expect(sharedPrivate("viewers").length).toBeGreaterThan(3);
    expect(sharedPrivate("editors").length).toBeGreaterThan(3);
    expect(
      CONTACTS.filter((c) => c.shares[c.isPrivate ? "editors" : "viewers"].includes("sub-nobody")).length,
    ).toBeGreaterThan(0);
    expect(CONTACTS.length).toBeGreaterThanOrEqual(200);
    expect(visibleToUser).toBeGreaterThan(0);
    expect(visibleToUser).toBeLessThan(CONTACTS.length);
    expect(CONTACTS.filter((c) => c.owner === "sub-user-1" && c.isPrivate).length).toBeGreaterThan(0);
  });
});

describe("through the decision caches, warm, lists and decisions equal the PDP's fresh single checks", () => {
  const settings = { ttlMs: 30_000, maxEntries: 10_000, policyDir: "cerbos/policies" };
  let cached: CerbosClient;
  beforeAll(() => {
    cached = { ...client, caches: createDecisionCaches(settings) };
  });

  it.each(Object.keys(PERSONAS))("%s", async (persona) => {
    const principal = PERSONAS[persona] as ContactPrincipal;
    await Promise.all(CONTACT_ACTIONS.map((action) => listByPlan(principal, action, cached)));
    await checkContactActions(principal, CONTACTS, cached);
    // Warm: from here on the plans and decisions come from the caches.
    const [lists, warm] = await Promise.all([
      Promise.all(CONTACT_ACTIONS.map((action) => listByPlan(principal, action, cached))),
      checkContactActions(principal, CONTACTS, cached),
    ]);
    expect(warm.request, "no PDP call when warm").toBeNull();
    const fresh: Awaited<ReturnType<typeof checkContactPermissions>>[] = [];
    for (let start = 0; start < CONTACTS.length; start += 40) {
      const chunk = CONTACTS.slice(start, start + 40);
      fresh.push(...(await Promise.all(chunk.map((contact) => checkContactPermissions(principal, contact, client)))));
    }
    expect(warm.contacts.map((checked) => checked.permissions)).toEqual(fresh);
    CONTACT_ACTIONS.forEach((action, i) => {
      const allowed = CONTACTS.filter((_, index) => fresh[index]?.[action].allowed).map((contact) => contact.id);
      expect(lists[i]?.ids, action).toEqual(allowed.sort());
    });
  });
});
