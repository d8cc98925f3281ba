// Integration: the capped count through the list the page and the API use, with the real PDP and policies on PGlite.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import { listContactsForUser } from "@/lib/contacts/contact-reads";
import { COUNT_CAP } from "@/lib/contacts/contact-store";
import { closeDatabase } from "@/lib/db/client";
import { getReadyDb } from "@/lib/db/migrate";
import { contacts, type NewContactRow } from "@/lib/db/schema";
import { startPdp, type PdpProcess } from "@/lib/testing/pdp-process";
import { setInProcessAppEnv } from "@/lib/testing/in-process-env";

function userOf(sub: string, groups: string[]): CurrentUser {
  const claims = { sub, exp: 2_000_000_000, client_id: "test", token_use: "access" as const, "cognito:groups": groups };
  return { sub, username: sub, email: `${sub}@example.com`, groups, claims, via: "bearer" };
}

const alice = userOf("alice-sub", ["user"]);
const admin = userOf("admin-sub", ["admin"]);
// One past the cap that alice may read (bob's public ones), and bob's private ones that only the admin counts.
const PUBLIC = COUNT_CAP + 1;
const PRIVATE = 30;

let pdp: PdpProcess;

beforeAll(async () => {
  pdp = await startPdp(3790, 3791);
  setInProcessAppEnv(pdp.url);
  const db = await getReadyDb();
  await db.delete(contacts);
  const row = (index: number, isPrivate: boolean): NewContactRow => ({
    owner: "bob-sub",
    name: `${isPrivate ? "private" : "public"} ${String(index).padStart(4, "0")}`,
    company: index % 100 === 0 ? "Hundredth Ltd" : null,
    isPrivate,
  });
  await db.insert(contacts).values(Array.from({ length: PUBLIC }, (_, index) => row(index, false)));
  await db.insert(contacts).values(Array.from({ length: PRIVATE }, (_, index) => row(index, true)));
}, 60_000);

afterAll(async () => {
  await closeDatabase();
  await pdp?.stop();
});

describe("listContactsForUser's total (what the page and the API show)", () => {
  it("stops at the cap past 1,000 readable contacts, and says it is not exact", async () => {
    const first = await listContactsForUser(alice, {});
    expect(first).toMatchObject({ total: COUNT_CAP, totalExact: false, page: 1 });
    expect(first.contacts).toHaveLength(25);
    expect(await listContactsForUser(admin, { page: 2 })).toMatchObject({ total: COUNT_CAP, totalExact: false });
  });

  it("is exact on the last page and past it, counting only what the user may read", async () => {
    const last = await listContactsForUser(alice, { page: 41 });
    expect(last).toMatchObject({ total: PUBLIC, totalExact: true });
    expect(last.contacts.map((contact) => contact.name)).toEqual(["public 1000"]);
    expect(await listContactsForUser(alice, { page: 99 })).toMatchObject({ total: PUBLIC, totalExact: true });
    const adminLast = await listContactsForUser(admin, { page: 11, pageSize: 100 });
    expect(adminLast).toMatchObject({ total: PUBLIC + PRIVATE, totalExact: true });
  });

  it("counts a search exactly below the cap", async () => {
    expect(await listContactsForUser(alice, { q: "hundredth" })).toMatchObject({ total: 11, totalExact: true });
  });
});
