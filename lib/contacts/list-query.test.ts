import { describe, expect, it } from "vitest";
import { listQueryFrom } from "@/lib/contacts/list-query";

describe("listQueryFrom", () => {
  it("refuses a search with a NUL or another control character instead of passing it to the database", () => {
    for (const q of ["a\u0000b", "\u0000", "x\u001by", "a\nb"]) {
      const result = listQueryFrom(new URLSearchParams({ q }));
      expect(result.success, JSON.stringify(q)).toBe(false);
      expect(result.error?.issues[0]?.message).toBe("q contains a control character.");
    }
  });

  it("reads the same rules from a page's search params", () => {
    expect(listQueryFrom({ q: "a\u0000" }).success).toBe(false);
    expect(listQueryFrom({ q: " Ada ", page: "2" }).data).toEqual({ q: "Ada", page: 2, pageSize: 25 });
  });
});
