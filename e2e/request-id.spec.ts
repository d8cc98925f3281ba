import { randomUUID } from "node:crypto";
import { expect, test } from "@/e2e/support/contacts-test";
import { accessTokenOf, type ApiContact, uniqueName } from "@/e2e/support/contacts-api";
import { decodeClaims } from "@/e2e/support/forged-tokens";
import { appLogLinesOf, decisionsOf } from "@/e2e/support/stack-logs";
import { paths } from "@/lib/paths";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

test("an API request's id is on its response, in the app's log line and in the PDP's decision log", async ({
  request,
  track,
}) => {
  const token = await accessTokenOf("alice");
  const forged = `forged-${randomUUID()}`;
  // A write: mutations always ask the PDP (a read could be answered from the decision caches, with no PDP call).
  const response = await request.post(paths.apiContacts, {
    headers: { Authorization: `Bearer ${token}`, "X-Request-Id": forged },
    data: { name: uniqueName("request id") },
  });
  expect(response.status(), await response.text()).toBe(201);
  track(((await response.json()) as { contact: ApiContact }).contact.id);
  const requestId = response.headers()["x-request-id"] ?? "";
  // The stack does not trust an incoming id (TRUST_PROXY_REQUEST_ID is off): a client cannot pick its own.
  expect(requestId).toMatch(UUID);
  expect(requestId).not.toBe(forged);

  const lines = await appLogLinesOf(requestId);
  const apiLine = lines.find(({ entry }) => entry.kind === "api");
  expect(apiLine?.entry).toMatchObject({
    requestId,
    kind: "api",
    method: "POST",
    route: paths.apiContacts,
    status: 201,
    sub: String(decodeClaims(token).sub),
    durationMs: expect.any(Number),
  });
  expect(lines.find(({ entry }) => entry.kind === "mutation")?.entry).toMatchObject({
    route: "contact.create",
    outcome: "ok",
  });
  for (const { line } of lines) expect(line).not.toContain(token);

  const decisions = await decisionsOf(requestId);
  expect(decisions.map(({ action, effect }) => [action, effect])).toContainEqual(["create", "ALLOW"]);
  expect(decisions[0]?.principal.id).toBe(String(decodeClaims(token).sub));
});

test("pages get a request id too, a new one for every request", async ({ request }) => {
  const first = await request.get(paths.signIn);
  const second = await request.get(paths.signIn);
  expect(first.headers()["x-request-id"]).toMatch(UUID);
  expect(second.headers()["x-request-id"]).toMatch(UUID);
  expect(first.headers()["x-request-id"]).not.toBe(second.headers()["x-request-id"]);
});
