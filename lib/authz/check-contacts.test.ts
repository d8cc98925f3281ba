// Integration: the real PDP with the real policies in cerbos/policies, no mocks of Cerbos.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { AuthorizationUnavailableError, createCerbosClient, type CerbosClient } from "@/lib/authz/cerbos-client";
import { checkContactActions } from "@/lib/authz/check-contacts";
import type { ContactRecord } from "@/lib/authz/contact-resources";
import { demoContactsFor } from "@/lib/testing/demo-contacts";
import { principalFromIdentity } from "@/lib/authz/principal";
import { findClosedPortUrl, startHttpServer, startSilentServer } from "@/lib/testing/fake-servers";
import { startPdp, type PdpProcess } from "@/lib/testing/pdp-process";

const ME = "sub-me";
const asPrincipal = (groups: string[]) => principalFromIdentity({ sub: ME, groups }).principal;
const ALL = { read: true, update: true, delete: true };
const READ_ONLY = { read: true, update: false, delete: false };
const NOTHING = { read: false, update: false, delete: false };
const reasons = (read: string, change: string) => ({ read, update: change, delete: change });
const NO_RULE = "no rule allows it";
const NOT_OWNER = "not the owner";

/** The PDP lists rule outputs in no fixed order (seen in 0.51): compare them as a set. */
function withSortedOutputs(response: unknown): unknown {
  const { results, ...rest } = response as { results: { outputs?: unknown[] }[] };
  const sorted = results.map(({ outputs, ...result }) => ({
    ...result,
    ...(outputs && { outputs: outputs.toSorted((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) }),
  }));
  return { ...rest, results: sorted };
}

let pdp: PdpProcess;
let client: CerbosClient;

beforeAll(async () => {
  pdp = await startPdp(3792, 3793);
  client = createCerbosClient({ url: pdp.url, timeoutMs: 5_000 });
});
afterAll(async () => pdp?.stop());

describe("checkContactActions against the PDP", () => {
  it.each([
    ["admin", ["admin"], ALL, reasons("admin role", "admin role"), ALL, reasons("admin role", "admin role")],
    ["user", ["user"], ALL, reasons("owner", "owner"), READ_ONLY, reasons("not private", NOT_OWNER)],
    ["no_role", [], NOTHING, reasons(NO_RULE, NO_RULE), NOTHING, reasons(NO_RULE, NO_RULE)],
  ])("decides for %s, with reasons", async (_, groups, own, ownReasons, others, othersReasons) => {
    const { decisions } = await checkContactActions(asPrincipal(groups), demoContactsFor(ME), client);
    expect(decisions).toEqual([
      { contactId: "contact-1", actions: own, reasons: ownReasons },
      { contactId: "contact-2", actions: others, reasons: othersReasons },
    ]);
  });

  it("gives the reasons the inspector shows", async () => {
    const contacts: ContactRecord[] = [
      { id: "mine-private", name: "Mine", owner: ME, isPrivate: true },
      { id: "theirs-public", name: "Public", owner: "someone-else", isPrivate: false },
      { id: "theirs-private", name: "Private", owner: "someone-else", isPrivate: true },
    ];
    const [admin, user] = await Promise.all([
      checkContactActions(asPrincipal(["admin"]), contacts, client),
      checkContactActions(asPrincipal(["user"]), contacts, client),
    ]);
    expect(admin.decisions[2]?.reasons.update).toBe("admin role");
    expect(user.decisions.map((d) => [d.actions, d.reasons])).toEqual([
      [ALL, reasons("owner", "owner")],
      [READ_ONLY, reasons("not private", NOT_OWNER)],
      [NOTHING, reasons("private", NOT_OWNER)],
    ]);
  });

  it("prefers the admin reason for someone in both groups", async () => {
    const { decisions } = await checkContactActions(asPrincipal(["user", "admin"]), demoContactsFor(ME), client);
    expect(decisions.map((d) => d.reasons)).toEqual([
      reasons("admin role", "admin role"),
      reasons("admin role", "admin role"),
    ]);
  });

  it("captures a request that replays verbatim and the response as the PDP's JSON", async () => {
    const check = await checkContactActions(asPrincipal(["user"]), demoContactsFor(ME), client);
    expect(check.request).toMatchObject({
      requestId: expect.any(String),
      principal: { id: ME, roles: ["user"] },
      resources: [
        {
          resource: { kind: "contact", id: "contact-1", attr: { owner: ME, private: false } },
          actions: ["read", "update", "delete"],
        },
        { resource: { kind: "contact", id: "contact-2", attr: { owner: "someone-else", private: false } } },
      ],
      includeMeta: true,
    });
    expect(JSON.parse(JSON.stringify(check))).toEqual(check);

    const replay = await fetch(`${pdp.url}/api/check/resources`, {
      method: "POST",
      body: JSON.stringify(check.request),
    });
    const raw = (await replay.json()) as Record<string, unknown>;
    expect(withSortedOutputs(check.response)).toEqual(withSortedOutputs({ ...raw, cerbosCallId: expect.any(String) }));
  });

  it("splits more than 50 contacts into concurrent requests and decides them all", async () => {
    const contacts: ContactRecord[] = Array.from({ length: 120 }, (_, i) => ({
      id: `contact-${i}`,
      name: `Contact ${i}`,
      owner: i % 3 === 0 ? ME : "someone-else",
      isPrivate: false,
    }));
    const check = await checkContactActions(asPrincipal(["user"]), contacts, client);
    const requests = check.request as { resources: unknown[] }[];
    expect(requests.map((request) => request.resources.length)).toEqual([50, 50, 20]);
    expect(check.response).toHaveLength(3);
    expect(check.decisions.map((d) => d.contactId)).toEqual(contacts.map((c) => c.id));
    check.decisions.forEach((decision, i) => expect(decision.actions).toEqual(i % 3 === 0 ? ALL : READ_ONLY));
  });

  it("asks nothing for no contacts", async () => {
    await expect(checkContactActions(asPrincipal(["admin"]), [], client)).resolves.toEqual({
      request: null,
      response: null,
      decisions: [],
    });
  });

  it("turns a request the PDP rejects (empty roles) into AuthorizationUnavailableError", async () => {
    const principal = { ...asPrincipal(["user"]), roles: [] };
    await expect(checkContactActions(principal, demoContactsFor(ME), client)).rejects.toThrow(
      AuthorizationUnavailableError,
    );
  });
});

describe("checkContactActions when the PDP is broken", () => {
  const check = (url: string, timeoutMs = 2_000) =>
    checkContactActions(asPrincipal(["admin"]), demoContactsFor(ME), createCerbosClient({ url, timeoutMs }));

  it("fails on a closed port", async () => {
    await expect(check(await findClosedPortUrl())).rejects.toThrow(AuthorizationUnavailableError);
  });

  it.each([
    ["accepts and never answers", startSilentServer],
    [
      "sends headers, then stalls the body",
      () => startHttpServer((_request, response) => response.writeHead(200).write("{")),
    ],
  ])("fails within the timeout when the PDP %s", async (_, start) => {
    const server = await start();
    const started = Date.now();
    try {
      await expect(check(server.url, 300)).rejects.toThrow(AuthorizationUnavailableError);
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      await server.close();
    }
  });

  it.each([
    ["HTTP 500 with a Cerbos status", 500, '{"code":13,"message":"internal"}'],
    ["HTTP 500 with HTML", 500, "<h1>Bad gateway</h1>"],
    ["HTTP 200 that is not JSON", 200, "ok"],
  ])("fails on %s", async (_, status, body) => {
    const server = await startHttpServer((_request, response) => response.writeHead(status).end(body));
    try {
      await expect(check(server.url)).rejects.toThrow(AuthorizationUnavailableError);
    } finally {
      await server.close();
    }
  });

  it("denies what an HTTP 200 leaves out", async () => {
    const server = await startHttpServer((_request, response) => response.writeHead(200).end('{"results":[]}'));
    try {
      const { decisions } = await check(server.url);
      expect(decisions.map((d) => d.actions)).toEqual([NOTHING, NOTHING]);
    } finally {
      await server.close();
    }
  });
});
