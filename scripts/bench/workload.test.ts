import { describe, expect, it } from "vitest";
import { coldRequests, coldSlices, pagesFor, warmRequests } from "@/scripts/bench/workload";

const people = [
  { bearer: "t-admin", cookie: "contacts_session=admin" },
  { bearer: "t-alice", cookie: "contacts_session=alice" },
];

describe("warmRequests", () => {
  it("turns through the personas, then the pages, over and over", () => {
    const next = warmRequests("api", people, 1_000);
    const seen = Array.from({ length: 9 }, () => next());
    expect(seen.map((r) => `${r.headers.authorization} ${r.path}`)).toEqual([
      "Bearer t-admin /api/contacts?page=1&pageSize=25",
      "Bearer t-alice /api/contacts?page=1&pageSize=25",
      "Bearer t-admin /api/contacts?page=2&pageSize=25",
      "Bearer t-alice /api/contacts?page=2&pageSize=25",
      "Bearer t-admin /api/contacts?page=3&pageSize=25",
      "Bearer t-alice /api/contacts?page=3&pageSize=25",
      "Bearer t-admin /api/contacts?page=4&pageSize=25",
      "Bearer t-alice /api/contacts?page=4&pageSize=25",
      "Bearer t-admin /api/contacts?page=1&pageSize=25",
    ]);
  });

  it("asks for the page with the session cookie, and only for pages every persona has", () => {
    const next = warmRequests("page", people, 10);
    expect([next(), next(), next()]).toEqual([
      { path: "/contacts", headers: { cookie: "contacts_session=admin" } },
      { path: "/contacts", headers: { cookie: "contacts_session=alice" } },
      { path: "/contacts", headers: { cookie: "contacts_session=admin" } },
    ]);
    expect(() => warmRequests("page", [{ bearer: "t" }], 10)()).toThrow(/cookie/);
  });
});

describe("pagesFor", () => {
  it("is one page for a tiny table and at most four", () => {
    expect([10, 99, 100, 1_000, 100_000].map(pagesFor)).toEqual([1, 2, 2, 4, 4]);
  });
});

describe("coldRequests", () => {
  it("uses each user once and counts any request built past the end", () => {
    const users = [{ bearer: "a" }, { bearer: "b" }, { bearer: "c" }];
    const cold = coldRequests("api", users);
    const bearers = Array.from({ length: 3 }, () => cold.next().headers.authorization);
    expect(bearers).toEqual(["Bearer a", "Bearer b", "Bearer c"]);
    expect(cold.overflow()).toBe(0);
    cold.next();
    expect(cold.overflow()).toBe(1);
    expect(cold.built()).toBe(4);
  });
});

describe("coldSlices", () => {
  it("splits users into equal, disjoint slices, one per round", () => {
    const users = Array.from({ length: 200 }, (_, i) => i);
    const slices = coldSlices(users, 3);
    expect(slices.map((slice) => slice.length)).toEqual([66, 66, 66]);
    expect(new Set(slices.flat()).size).toBe(198);
  });
});
