import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { paths } from "@/lib/paths";
import {
  expiredCopy,
  hs256WithPublicKey,
  tamperedClaims,
  tamperedSignature,
  unsignedCopy,
} from "@/e2e/support/forged-tokens";
import { expectedDecisions, personas, type SharedAs } from "@/e2e/support/personas";
import { expectSecurityHeaders } from "@/e2e/support/security-headers";
import { createOtherAppClient, signInForTokens, type TokenSet } from "@/e2e/support/stand-in";

type Actions = { read: boolean; update: boolean; delete: boolean };
type ContactsBody = {
  user: { sub: string; roles: string[] };
  contacts: {
    id: string;
    name: string;
    owner: string;
    isPrivate: boolean;
    sharedWithYou: SharedAs;
    actions: Actions;
  }[];
};

let alice: TokenSet;
test.beforeAll(async () => {
  alice = await signInForTokens(personas.alice.email, personas.alice.password);
});

async function expectUnauthorized(response: APIResponse): Promise<void> {
  expect(response.status()).toBe(401);
  expect(response.headers()["www-authenticate"]).toMatch(/^Bearer\b/);
  const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
  expect(body.error).toEqual({ code: expect.any(String), message: expect.any(String) });
}

async function getContacts(request: APIRequestContext, accessToken: string): Promise<ContactsBody> {
  const response = await request.get(paths.apiContacts, { headers: { Authorization: `Bearer ${accessToken}` } });
  expect(response.status()).toBe(200);
  return (await response.json()) as ContactsBody;
}

const ALL: Actions = { read: true, update: true, delete: true };
const READ_ONLY: Actions = { read: true, update: false, delete: false };

test("a valid access token gets the contacts with the actions the policy allows", async ({ request }) => {
  const body = await getContacts(request, alice.accessToken);
  expect(body.user.roles).toContain("user");
  const own = body.contacts.filter((contact) => contact.owner === body.user.sub);
  const others = body.contacts.filter((contact) => contact.owner !== body.user.sub);
  expect(own.length).toBeGreaterThan(0);
  expect(others.length).toBeGreaterThan(0);
  for (const contact of own) expect(contact.actions, contact.name).toEqual(ALL);
  for (const contact of others) {
    const expected = expectedDecisions("user", false, {
      isPrivate: contact.isPrivate,
      sharedAs: contact.sharedWithYou,
    });
    if (!contact.sharedWithYou) expect(contact.actions, contact.name).toEqual(READ_ONLY);
    expect(expected, `${contact.name}: others' private contacts are listed only when shared`).not.toBe("not listed");
    if (expected !== "not listed") {
      const allowed = (decision: string) => decision === "Allowed";
      const actions = {
        read: allowed(expected.read),
        update: allowed(expected.update),
        delete: allowed(expected.delete),
      };
      expect(contact.actions, contact.name).toEqual(actions);
    }
  }
});

test("an admin's token may do everything, a groupless user's nothing", async ({ request }) => {
  const admin = await signInForTokens(personas.admin.email, personas.admin.password);
  const adminBody = await getContacts(request, admin.accessToken);
  expect(adminBody.contacts.length).toBeGreaterThan(0);
  for (const contact of adminBody.contacts) expect(contact.actions, contact.name).toEqual(ALL);

  const nora = await signInForTokens(personas.nora.email, personas.nora.password);
  const noraBody = await getContacts(request, nora.accessToken);
  expect(noraBody.user.roles).not.toContain("user");
  expect(noraBody.user.roles).not.toContain("admin");
  expect(noraBody.contacts).toEqual([]);
});

test("the API sends the security headers and hides the framework", async ({ request }) => {
  const response = await request.get(paths.apiContacts, { headers: { Authorization: `Bearer ${alice.accessToken}` } });
  expectSecurityHeaders(response.headers());
});

test.describe("requests without a usable access token get 401 with WWW-Authenticate: Bearer", () => {
  test("no Authorization header", async ({ request }) => {
    await expectUnauthorized(await request.get(paths.apiContacts));
  });

  for (const header of [
    "Bearer",
    "Bearer ",
    "Basic YWxpY2U6cGFzcw==",
    "Token abc",
    "Bearer not-a-jwt",
    "Bearer a.b.c",
  ]) {
    test(`malformed header "${header}"`, async ({ request }) => {
      await expectUnauthorized(await request.get(paths.apiContacts, { headers: { Authorization: header } }));
    });
  }

  const forgeries: [string, (tokens: TokenSet) => string | Promise<string>][] = [
    ["a tampered signature", (tokens) => tamperedSignature(tokens.accessToken)],
    ["claims changed after signing", (tokens) => tamperedClaims(tokens.accessToken)],
    ["an ID token", (tokens) => tokens.idToken],
    ["a refresh token", (tokens) => tokens.refreshToken],
    ["an expired token", (tokens) => expiredCopy(tokens.accessToken)],
    ["alg: none", (tokens) => unsignedCopy(tokens.accessToken)],
    ["HS256 signed with the RSA public key", (tokens) => hs256WithPublicKey(tokens.accessToken)],
    [
      "a token issued to another app client",
      async () =>
        (await signInForTokens(personas.alice.email, personas.alice.password, await createOtherAppClient()))
          .accessToken,
    ],
  ];
  for (const [name, forge] of forgeries) {
    test(name, async ({ request }) => {
      const token = await forge(alice);
      await expectUnauthorized(await request.get(paths.apiContacts, { headers: { Authorization: `Bearer ${token}` } }));
    });
  }
});
