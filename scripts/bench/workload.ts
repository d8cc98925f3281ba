import type { CaseSpec } from "@/scripts/bench/options";

/** What one request of a round asks for; pure, so the mix and the cold users' single use are unit-tested. */
export type BenchRequest = { path: string; headers: Record<string, string> };

export type Credentials = { bearer: string; cookie?: string };

/** How many pages of 25 every persona can read at `size` contacts (a member sees about 70%), at most four. */
export function pagesFor(size: number): number {
  return Math.max(1, Math.min(4, Math.floor((size * 0.6) / 25)));
}

function requestFor(target: CaseSpec["target"], page: number, who: Credentials): BenchRequest {
  if (target === "api") {
    return { path: `/api/contacts?page=${page}&pageSize=25`, headers: { authorization: `Bearer ${who.bearer}` } };
  }
  if (!who.cookie) throw new Error("the page case needs a session cookie");
  return { path: page === 1 ? "/contacts" : `/contacts?page=${page}`, headers: { cookie: who.cookie } };
}

/** Warm: the few personas in turn, over the first pages, forever. */
export function warmRequests(target: CaseSpec["target"], personas: readonly Credentials[], size: number) {
  if (personas.length === 0) throw new Error("no personas");
  const pages = pagesFor(size);
  let i = 0;
  return (): BenchRequest => {
    const who = personas[i % personas.length] as Credentials;
    const page = 1 + (Math.floor(i / personas.length) % pages);
    i += 1;
    return requestFor(target, page, who);
  };
}

/**
 * Cold: each user once, first page. autocannon may build a request it never sends when a round ends, so running
 * past the end of the list is counted (`overflow`) instead of silently reusing someone.
 */
export function coldRequests(target: CaseSpec["target"], users: readonly Credentials[]) {
  if (users.length === 0) throw new Error("no cold users");
  let i = 0;
  let overflow = 0;
  const next = (): BenchRequest => {
    if (i >= users.length) overflow += 1;
    const who = users[i % users.length] as Credentials;
    i += 1;
    return requestFor(target, 1, who);
  };
  return { next, built: () => i, overflow: () => overflow };
}

/** Splits the cold users into `rounds` equal slices per variant, so no server sees a user twice. */
export function coldSlices<T>(users: readonly T[], rounds: number): T[][] {
  const size = Math.floor(users.length / rounds);
  return Array.from({ length: rounds }, (_, r) => users.slice(r * size, (r + 1) * size));
}
