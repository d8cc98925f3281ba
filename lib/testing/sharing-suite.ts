/**
 * For the share suites (Vitest): the people, and a real PDP with the real policies plus an in-memory PGlite whose
 * directory holds them, emptied of contacts before each test. Call `setUpSharingSuite` at the top of a test file.
 */
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import { closeDatabase } from "@/lib/db/client";
import { getReadyDb } from "@/lib/db/migrate";
import { contacts, users } from "@/lib/db/schema";
import { recordUsers } from "@/lib/db/user-directory";
import { listShares } from "@/lib/contacts/contact-shares";
import { insertContact } from "@/lib/contacts/contact-store";
import { setInProcessAppEnv } from "@/lib/testing/in-process-env";
import { startPdp, type PdpProcess } from "@/lib/testing/pdp-process";

function userOf(name: string, groups: string[]): CurrentUser {
  const sub = `${name}-sub`;
  const claims = { sub, exp: 2_000_000_000, client_id: "test", token_use: "access" as const, "cognito:groups": groups };
  return { sub, username: sub, email: `${name}@example.com`, groups, claims, via: "bearer" };
}

export const people = {
  alice: userOf("alice", ["user"]),
  bob: userOf("bob", ["user"]),
  carol: userOf("carol", ["user"]),
  admin: userOf("admin", ["admin"]),
  nora: userOf("nora", []),
};

const fields = { email: null, phone: null, company: null, notes: null };

export function setUpSharingSuite(httpPort: number, grpcPort: number) {
  let pdp: PdpProcess | undefined;
  beforeAll(async () => {
    pdp = await startPdp(httpPort, grpcPort);
    setInProcessAppEnv(pdp.url);
  }, 60_000);
  afterAll(async () => {
    await closeDatabase();
    await pdp?.stop();
  });
  beforeEach(async () => {
    const db = await getReadyDb();
    await db.delete(contacts);
    await db.delete(users);
    await recordUsers(
      db,
      Object.values(people).map(({ sub, email }) => ({ sub, email: email! })),
    );
  });
  return {
    async contactOf(owner: CurrentUser, isPrivate: boolean) {
      return insertContact(await getReadyDb(), owner.sub, { ...fields, name: `${owner.username}'s`, isPrivate });
    },
    async sharesOf(contactId: string) {
      return (await listShares(await getReadyDb(), contactId)).map(({ email, role }) => ({ email, role }));
    },
    /** Runs `during` with the PDP stopped, then starts it again on the same ports. */
    async withoutPdp(during: () => Promise<void>) {
      await pdp?.stop();
      try {
        await during();
      } finally {
        pdp = await startPdp(httpPort, grpcPort);
      }
    },
  };
}
