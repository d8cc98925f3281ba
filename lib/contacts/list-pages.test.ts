import { describe, expect, it } from "vitest";
import { describeRange, hasNextPage, lastPageOf } from "@/lib/contacts/list-pages";

describe("the list's position text and pages", () => {
  it("names an exact total as it is, with thousands separators", () => {
    expect(describeRange({ page: 1, pageSize: 25, total: 26, totalExact: true })).toBe("1–25 of 26");
    expect(describeRange({ page: 2, pageSize: 25, total: 26, totalExact: true })).toBe("26–26 of 26");
    expect(describeRange({ page: 41, pageSize: 25, total: 1_001, totalExact: true })).toBe("1,001–1,001 of 1,001");
  });

  it("marks a capped total with a plus", () => {
    expect(describeRange({ page: 1, pageSize: 25, total: 1_000, totalExact: false })).toBe("1–25 of 1,000+");
    expect(describeRange({ page: 200, pageSize: 25, total: 5_000, totalExact: false })).toBe("4,976–5,000 of 5,000+");
  });

  it("offers Next while rows remain: always when the count was capped", () => {
    expect(hasNextPage({ page: 1, pageSize: 25, total: 26, totalExact: true })).toBe(true);
    expect(hasNextPage({ page: 2, pageSize: 25, total: 26, totalExact: true })).toBe(false);
    expect(hasNextPage({ page: 1, pageSize: 25, total: 25, totalExact: true })).toBe(false);
    expect(hasNextPage({ page: 40, pageSize: 25, total: 1_000, totalExact: false })).toBe(true);
  });

  it("knows the last page only from an exact total", () => {
    expect(lastPageOf({ page: 9, pageSize: 25, total: 26, totalExact: true })).toBe(2);
    expect(lastPageOf({ page: 1, pageSize: 25, total: 0, totalExact: true })).toBe(1);
    expect(lastPageOf({ page: 1, pageSize: 25, total: 1_000, totalExact: false })).toBeNull();
  });
});
