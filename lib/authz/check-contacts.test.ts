// Integration: the real PDP with the real policies in cerbos/policies, no mocks of Cerbos.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { AuthorizationUnavailableError, createCerbosClient, type CerbosClient } from "@/lib/authz/cerbos-client";
import { checkContactActions } from "@/lib/authz/check-contacts";
import { noShares, type ContactRecord } from "@/lib/authz/contact-resources";
import {
  NO_DECISION,
  NO_RULE_ALLOWS,
  type ActionDecision,
  type ContactPermissions,
} from "@/lib/authz/decision-reasons";
import { demoContactsFor } from "@/lib/testing/demo-contacts";
import { principalFromIdentity } from "@/lib/authz/principal";
import { findClosedPortUrl, startHttpServer, startSilentServer } from "@/lib/testing/fake-servers";
import { startPdp, type PdpProcess } from "@/lib/testing/pdp-process";

const ME = "sub-me";
const asPrincipal = (groups: string[]) => principalFromIdentity({ sub: ME, groups }).principal;
const allow = (reason: string) => ({ allowed: true, reason });
const deny = (reason: string) => ({ allowed: false, reason });
const permissions = (read: ActionDecision, change: ActionDecision): ContactPermissions => ({
  read,
  update: change,
  delete: change,
});
const OWNER = permissions(allow("owner"), allow("owner"));
const ADMIN = permissions(allow("admin role"), allow("admin role"));
const READER = permissions(allow("not private"), deny("not the owner"));
const NOTHING = permissions(deny(NO_RULE_ALLOWS), deny(NO_RULE_ALLOWS));

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
    ["admin", ["admin"], ADMIN, ADMIN],
    ["user", ["user"], OWNER, READER],
    ["no_role", [], NOTHING, NOTHING],
  ])("decides for %s, with reasons", async (_, groups, own, others) => {
    const contacts = demoContactsFor(ME);
    const check = await checkContactActions(asPrincipal(groups), contacts, client);
    expect(check.contacts).toEqual([
      { contact: contacts[0], permissions: own },
      { contact: contacts[1], permissions: others },
    ]);
  });

  it("gives the reasons the inspector shows", async () => {
    const contacts: ContactRecord[] = [
      { id: "mine-private", name: "Mine", owner: ME, isPrivate: true, shares: noShares() },
      { id: "theirs-public", name: "Public", owner: "someone-else", isPrivate: false, shares: noShares() },
      { id: "theirs-private", name: "Private", owner: "someone-else", isPrivate: true, shares: noShares() },
      { id: "viewer", name: "Viewer", owner: "someone-else", isPrivate: true, shares: { viewers: [ME], editors: [] } },
      { id: "editor", name: "Editor", owner: "someone-else", isPrivate: true, shares: { viewers: [], editors: [ME] } },
    ];
    const [admin, user] = await Promise.all([
      checkContactActions(asPrincipal(["admin"]), contacts, client),
      checkContactActions(asPrincipal(["user"]), contacts, client),
    ]);
    expect(admin.contacts[2]?.permissions.update).toEqual(allow("admin role"));
    // Someone else's private contact: "private" outranks "not the owner" for a read.
    expect(user.contacts.map((checked) => checked.permissions)).toEqual([
      OWNER,
      READER,
      permissions(deny("private"), deny("not the owner")),
      permissions(allow("shared with you as viewer"), deny("not the owner")),
      {
        read: allow("shared with you as editor"),
        update: allow("shared with you as editor"),
        delete: deny("not the owner"),
      },
    ]);
  });

  it("prefers the admin reason for someone in both groups", async () => {
    const check = await checkContactActions(asPrincipal(["user", "admin"]), demoContactsFor(ME), client);
    expect(check.contacts.map((checked) => checked.permissions)).toEqual([ADMIN, ADMIN]);
  });

  it("captures a request that replays verbatim and the response as the PDP's JSON", async () => {
    const check = await checkContactActions(asPrincipal(["user"]), demoContactsFor(ME), client);
    expect(check.request).toMatchObject({
      requestId: expect.any(String),
      principal: { id: ME, roles: ["user"] },
      resources: [
        {
          resource: { kind: "contact", id: "contact-1", attr: { owner: ME, private: false, viewers: [], editors: [] } },
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
      shares: noShares(),
    }));
    const check = await checkContactActions(asPrincipal(["user"]), contacts, client);
    const requests = check.request as { resources: unknown[] }[];
    expect(requests.map((request) => request.resources.length)).toEqual([50, 50, 20]);
    expect(check.response).toHaveLength(3);
    expect(check.contacts.map((checked) => checked.contact)).toEqual(contacts);
    check.contacts.forEach((checked, i) => expect(checked.permissions).toEqual(i % 3 === 0 ? OWNER : READER));
  });

  it("asks nothing for no contacts", async () => {
    await expect(checkContactActions(asPrincipal(["admin"]), [], client)).resolves.toEqual({
      request: null,
      response: null,
      contacts: [],
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
      const { contacts } = await check(server.url);
      const undecided = permissions(deny(NO_DECISION), deny(NO_DECISION));
      expect(contacts.map((checked) => checked.permissions)).toEqual([undecided, undecided]);
    } finally {
      await server.close();
    }
  });
});
