import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DecisionEntry, PLAN_RESOURCE_ID } from "@/lib/audit/decision-log";
import { AuditLogUnavailableError, readDecisionLog } from "@/lib/audit/read-decision-log";
import { createCerbosClient } from "@/lib/authz/cerbos-client";
import { checkContactPermissions } from "@/lib/authz/check-contact-action";
import { planContactAccess } from "@/lib/authz/plan-contacts";
import { noShares } from "@/lib/authz/contact-resources";
import type { ContactPrincipal } from "@/lib/authz/principal";
import { startPdp, type PdpProcess } from "@/lib/testing/pdp-process";

const decisionLog = path.join(mkdtempSync(path.join(tmpdir(), "pdp-audit-")), "cerbos-decisions.log");
let pdp: PdpProcess;

beforeAll(async () => {
  pdp = await startPdp(3782, 3783, { decisionLog });
});

afterAll(async () => {
  await pdp?.stop();
});

/** The PDP writes its audit log asynchronously: wait briefly for the entries of one request id. */
async function decisionsOf(requestId: string, expected: number): Promise<DecisionEntry[]> {
  let found: DecisionEntry[] = [];
  for (let attempt = 0; attempt < 50 && found.length < expected; attempt += 1) {
    await sleep(100);
    found = await readDecisionLog(decisionLog).then(
      ({ entries }) => entries.filter((entry) => entry.requestId === requestId),
      () => [],
    );
  }
  return found;
}

describe("the PDP's decision log", () => {
  const member: ContactPrincipal = { id: "member-1", roles: ["user"], attr: { groups: ["user"] } };

  it("records every call lib/authz makes under the request id of the client", async () => {
    const requestId = `it-${Date.now()}`;
    const client = { ...createCerbosClient({ url: pdp.url, timeoutMs: 2000 }), requestId };
    await planContactAccess(member, "read", client);
    const contact = { id: "c-private", owner: "someone-else", isPrivate: true, shares: noShares() };
    const permissions = await checkContactPermissions(member, contact, client);
    expect(permissions.read.allowed).toBe(false);

    const entries = await decisionsOf(requestId, 4);
    const seen = entries.map(({ resource, action, effect, call }) => [call, resource.id, action, effect]);
    expect(seen).toEqual(
      expect.arrayContaining([
        ["plan", PLAN_RESOURCE_ID, "read", "CONDITIONAL"],
        ["check", "c-private", "read", "DENY"],
        ["check", "c-private", "update", "DENY"],
        ["check", "c-private", "delete", "DENY"],
      ]),
    );
    expect(entries.every(({ principal }) => principal.id === "member-1")).toBe(true);
    expect(entries.find(({ call }) => call === "check")?.policy).toBe("resource.contact.vdefault");
  });

  it("reads only the tail of a large log, dropping the line it starts inside", async () => {
    const requestId = `tail-${Date.now()}`;
    const client = { ...createCerbosClient({ url: pdp.url, timeoutMs: 2000 }), requestId };
    await planContactAccess(member, "read", client);
    await decisionsOf(requestId, 1);
    const { entries, skipped } = await readDecisionLog(decisionLog, 200, 300);
    expect(skipped).toBe(0);
    expect(entries).toEqual([]);
  });

  it("says the log is unavailable when the file cannot be read", async () => {
    await expect(readDecisionLog(path.join(decisionLog, "missing"))).rejects.toBeInstanceOf(AuditLogUnavailableError);
  });
});
