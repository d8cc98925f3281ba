// Integration: the real PDP behind a delaying TCP proxy, and an in-memory PGlite. A list makes several PDP calls
// (plan, then check), an update two checks; they must fit in one CERBOS_TIMEOUT_MS together, not one each.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import { AuthorizationUnavailableError } from "@/lib/authz/cerbos-client";
import { startPdp, type PdpProcess } from "@/lib/testing/pdp-process";
import { closeDatabase } from "@/lib/db/client";
import { getReadyDb } from "@/lib/db/migrate";
import { contacts } from "@/lib/db/schema";
import { startTcpProxy, type TcpProxy } from "@/lib/testing/tcp-proxy";
import { createContact, updateContact } from "@/lib/contacts/contact-mutations";
import { getContactForUser, listContactsForUser } from "@/lib/contacts/contact-reads";
import { setInProcessAppEnv } from "@/lib/testing/in-process-env";

const DEADLINE_MS = 1_000;
// Each PDP call alone fits in the deadline; two in sequence do not.
const DELAY_MS = 0.6 * DEADLINE_MS;

const alice: CurrentUser = {
  sub: "alice-sub",
  username: "alice-sub",
  email: "alice@example.com",
  groups: ["user"],
  claims: { sub: "alice-sub", exp: 2_000_000_000, client_id: "test", token_use: "access", "cognito:groups": ["user"] },
  via: "bearer",
};

let pdp: PdpProcess;
let proxy: TcpProxy;
let contactId: string;

beforeAll(async () => {
  pdp = await startPdp(3788, 3789);
  proxy = await startTcpProxy({ host: "127.0.0.1", port: Number(new URL(pdp.url).port) });
  setInProcessAppEnv(proxy.url, {
    CERBOS_TIMEOUT_MS: String(DEADLINE_MS),
    // Deadlines, not caches, are under test here: every list must reach the (slow) PDP.
    CERBOS_CACHE_TTL_MS: "0",
  });
  await (await getReadyDb()).delete(contacts);
  const created = await createContact(alice, { name: "Ada" });
  if (created.status !== "ok" || !created.contact) throw new Error(`create failed: ${JSON.stringify(created)}`);
  contactId = created.contact.id;
});

afterAll(async () => {
  await closeDatabase();
  await proxy?.close();
  await pdp?.stop();
});

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; outcome: PromiseSettledResult<T> }> {
  const started = performance.now();
  const [outcome] = await Promise.allSettled([run()]);
  return { ms: performance.now() - started, outcome: outcome! };
}

describe("one PDP deadline per request", () => {
  it("lists normally when the PDP answers at once", async () => {
    proxy.setMode({ kind: "pass" });
    const list = await listContactsForUser(alice, {});
    expect(list.contacts.map((c) => c.id)).toEqual([contactId]);
  });

  it("lets a single call that takes 0.6× the deadline through", async () => {
    proxy.setMode({ kind: "delay", ms: DELAY_MS });
    const { outcome } = await timed(() => getContactForUser(alice, contactId));
    expect(outcome).toMatchObject({ status: "fulfilled", value: { id: contactId } });
  });

  it("fails a list whose plan and check take 0.6× the deadline each, at the deadline", async () => {
    proxy.setMode({ kind: "delay", ms: DELAY_MS });
    const { ms, outcome } = await timed(() => listContactsForUser(alice, {}));
    expect(outcome.status).toBe("rejected");
    expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(AuthorizationUnavailableError);
    expect(ms).toBeGreaterThanOrEqual(DEADLINE_MS - 50);
    expect(ms).toBeLessThan(DEADLINE_MS + 0.5 * DELAY_MS);
  });

  it("fails an update whose two checks take 0.6× the deadline each, and writes nothing", async () => {
    proxy.setMode({ kind: "delay", ms: DELAY_MS });
    const changes = { name: "Ada Lovelace" };
    const { outcome } = await timed(() => updateContact(alice, { id: contactId, version: 1, changes }));
    expect(outcome).toMatchObject({ status: "fulfilled", value: { status: "unavailable" } });
    proxy.setMode({ kind: "pass" });
    expect(await getContactForUser(alice, contactId)).toMatchObject({ name: "Ada", version: 1 });
  });
});
