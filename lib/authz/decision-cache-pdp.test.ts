// Integration: the decision caches against the real PDP, every call that reaches it counted by an HTTP proxy in
// front of it (and a TCP proxy that can black-hole it). No mocks of Cerbos.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { AuthorizationUnavailableError, createCerbosClient, type CerbosClient } from "@/lib/authz/cerbos-client";
import { checkContactPermissions, explainContactAction } from "@/lib/authz/check-contact-action";
import { checkContactActions } from "@/lib/authz/check-contacts";
import { noShares, toProposedContactResource, type ContactRecord } from "@/lib/authz/contact-resources";
import { createDecisionCaches, type DecisionCacheSettings } from "@/lib/authz/decision-cache";
import { planContactAccess } from "@/lib/authz/plan-contacts";
import { type PolicyState, policyStateOf } from "@/lib/authz/policy-fingerprint";
import { principalFromIdentity } from "@/lib/authz/principal";
import { startCountingProxy, type CountingProxy } from "@/lib/testing/counting-proxy";
import { startHttpServer } from "@/lib/testing/fake-servers";
import { startPdp, type PdpProcess } from "@/lib/testing/pdp-process";
import { startTcpProxy, type TcpProxy } from "@/lib/testing/tcp-proxy";

const ME = "sub-me";
const user = principalFromIdentity({ sub: ME, groups: ["user"] }).principal;
const SETTINGS: DecisionCacheSettings = { ttlMs: 10_000, maxEntries: 1000, policyDir: "cerbos/policies" };
/** 25 rows, 4 owner/privacy combinations. */
const ROWS: ContactRecord[] = Array.from({ length: 25 }, (_, i) => ({
  id: `contact-${i}`,
  name: `Contact ${i}`,
  owner: i % 2 === 0 ? ME : "someone-else",
  isPrivate: i % 4 < 2,
  shares: noShares(),
}));

let pdp: PdpProcess;
let tcp: TcpProxy;
let counter: CountingProxy;

beforeAll(async () => {
  pdp = await startPdp(3786, 3787);
  tcp = await startTcpProxy({ host: "127.0.0.1", port: Number(new URL(pdp.url).port) });
  counter = await startCountingProxy(tcp.url);
});
afterAll(async () => {
  await counter?.close();
  await tcp?.close();
  await pdp?.stop();
});
beforeEach(() => {
  tcp.setMode({ kind: "pass" });
  counter.reset();
});

function cachedClient(settings: Partial<DecisionCacheSettings> = {}, policy?: () => PolicyState): CerbosClient {
  const client = createCerbosClient({ url: counter.url, timeoutMs: 2_000 });
  return { ...client, caches: createDecisionCaches({ ...SETTINGS, ...settings }, policy) };
}

const warmList = (client: CerbosClient, principal = user) =>
  Promise.all([planContactAccess(principal, "read", client), checkContactActions(principal, ROWS, client)]);

describe("decision caches against the PDP", () => {
  it("answers a warm repeat with no PDP call, the same as the first answer", async () => {
    const client = cachedClient();
    const [plan, check] = await warmList(client);
    expect(counter.counts()).toEqual({ "/api/plan/resources": 1, "/api/check/resources": 1 });
    // One question per distinct attribute combination, not per row.
    expect((check.request as { resources: unknown[] }).resources).toHaveLength(4);
    counter.reset();
    const [planAgain, checkAgain] = await warmList(client);
    expect(counter.total()).toBe(0);
    expect(planAgain.plan).toEqual(plan.plan);
    expect(checkAgain.contacts).toEqual(check.contacts);
    await checkContactPermissions(user, ROWS[3] as ContactRecord, client);
    expect(counter.total(), "a detail page after the list").toBe(0);
  });

  it("asks for rows and create in one call, and only for what is missing", async () => {
    const client = cachedClient();
    await checkContactActions(user, ROWS.slice(0, 2), client);
    counter.reset();
    const create = toProposedContactResource({ owner: ME, isPrivate: false, shares: noShares() });
    const check = await checkContactActions(user, ROWS, client, { create });
    expect(counter.counts()).toEqual({ "/api/check/resources": 1 });
    expect((check.request as { resources: unknown[] }).resources).toHaveLength(3);
    expect(check.create).toEqual({ allowed: true, reason: "owner" });
  });

  it.each([
    ["another role", principalFromIdentity({ sub: ME, groups: ["admin"] }).principal, "admin role"],
    ["the roles in another order", { ...user, roles: ["admin", "user"] }, "admin role"],
    ["another principal", principalFromIdentity({ sub: "sub-other", groups: ["user"] }).principal, "private"],
  ])("never answers %s from an old entry", async (_, principal, reason) => {
    const client = cachedClient();
    await warmList(client);
    counter.reset();
    const [, check] = await warmList(client, principal);
    expect(counter.counts()).toEqual({ "/api/plan/resources": 1, "/api/check/resources": 1 });
    expect(check.contacts[0]?.permissions.read.reason).toBe(reason);
  });

  it("never answers a contact from the entry of its old shares: a revoked share is gone at the next request", async () => {
    const client = cachedClient();
    const row: ContactRecord = { id: "c-s", name: "S", owner: "someone-else", isPrivate: true, shares: noShares() };
    const shared = { ...row, shares: { viewers: [], editors: [ME] } };
    expect((await checkContactPermissions(user, shared, client)).update.reason).toBe("shared with you as editor");
    expect((await checkContactPermissions(user, shared, client)).read.allowed, "warm").toBe(true);
    expect(counter.counts()).toEqual({ "/api/check/resources": 1 });
    const revoked = await checkContactPermissions(user, row, client);
    expect(counter.counts(), "the unshared contact is another key").toEqual({ "/api/check/resources": 2 });
    expect(revoked.read).toEqual({ allowed: false, reason: "private" });
    const asViewer = await checkContactPermissions(user, { ...row, shares: { viewers: [ME], editors: [] } }, client);
    expect(asViewer.update).toEqual({ allowed: false, reason: "not the owner" });
    expect(counter.counts(), "a changed role is another key").toEqual({ "/api/check/resources": 3 });
  });

  it("never answers from an entry of another policy fingerprint", async () => {
    let text = "rules: []";
    const client = cachedClient({}, () => policyStateOf([{ path: "contact.yaml", text }]));
    await warmList(client);
    text = "rules: [] # edited";
    counter.reset();
    await warmList(client);
    expect(counter.counts()).toEqual({ "/api/plan/resources": 1, "/api/check/resources": 1 });
  });

  it("caches nothing for a time-based policy", async () => {
    const client = cachedClient({}, () => policyStateOf([{ path: "contact.yaml", text: "expr: now() > x" }]));
    await warmList(client);
    await warmList(client);
    expect(counter.counts()).toEqual({ "/api/plan/resources": 2, "/api/check/resources": 2 });
  });

  it("asks again once the TTL has passed", async () => {
    const client = cachedClient({ ttlMs: 200 });
    await warmList(client);
    await new Promise((resolve) => setTimeout(resolve, 300));
    counter.reset();
    await warmList(client);
    expect(counter.counts()).toEqual({ "/api/plan/resources": 1, "/api/check/resources": 1 });
  });

  it("never caches an error: after a black hole the next call asks the PDP", async () => {
    const client = { ...cachedClient(), timeoutMs: 300 };
    tcp.setMode({ kind: "black-hole" });
    await expect(planContactAccess(user, "read", client)).rejects.toThrow(AuthorizationUnavailableError);
    await expect(checkContactActions(user, ROWS, client)).rejects.toThrow(AuthorizationUnavailableError);
    await expect(
      explainContactAction(
        user,
        toProposedContactResource({ owner: ME, isPrivate: false, shares: noShares() }),
        "create",
        client,
      ),
    ).rejects.toThrow(AuthorizationUnavailableError);
    tcp.setMode({ kind: "pass" });
    counter.reset();
    const [, check] = await warmList(client);
    expect(counter.counts()).toEqual({ "/api/plan/resources": 1, "/api/check/resources": 1 });
    expect(check.contacts[0]?.permissions.read).toEqual({ allowed: true, reason: "owner" });
  });

  it("never caches a decision the PDP left out", async () => {
    const empty = await startHttpServer((_request, response) => response.writeHead(200).end('{"results":[]}'));
    try {
      const client = cachedClient();
      const leftOut = { ...client, http: createCerbosClient({ url: empty.url, timeoutMs: 2_000 }).http };
      const undecided = await checkContactActions(user, ROWS, leftOut);
      expect(undecided.contacts[0]?.permissions.read).toEqual({ allowed: false, reason: "no decision" });
      const check = await checkContactActions(user, ROWS, client);
      expect(counter.counts()).toEqual({ "/api/check/resources": 1 });
      expect(check.contacts[0]?.permissions.read).toEqual({ allowed: true, reason: "owner" });
    } finally {
      await empty.close();
    }
  });

  it("asks every time with the caches off (TTL 0)", async () => {
    const client = cachedClient({ ttlMs: 0 });
    expect(client.caches).toBeUndefined();
    const [, check] = await warmList(client);
    await warmList(client);
    expect(counter.counts()).toEqual({ "/api/plan/resources": 2, "/api/check/resources": 2 });
    expect((check.request as { resources: unknown[] }).resources).toHaveLength(ROWS.length);
  });
});
