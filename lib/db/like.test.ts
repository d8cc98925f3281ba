import { describe, expect, it } from "vitest";

import { escapeLike } from "@/lib/db/like";

describe("escapeLike", () => {
  it("escapes the wildcards and the escape character, and nothing else", () => {
    expect(escapeLike("100%_off\\now")).toBe("100\\%\\_off\\\\now");
    expect(escapeLike("Ada O'Neil & co.*?")).toBe("Ada O'Neil & co.*?");
    expect(escapeLike("")).toBe("");
  });
});
