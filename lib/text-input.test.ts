import { describe, expect, it } from "vitest";
import { hasControlCharacter, plainText } from "@/lib/text-input";

describe("hasControlCharacter", () => {
  it.each(["\u0000", "\u0001", "\u0008", "\u001b[31m", "\u001f", "\u007f", "\t", "\n", "\r"])(
    "finds %j in a single-line field",
    (char) => {
      expect(hasControlCharacter(`a${char}b`)).toBe(true);
    },
  );

  it("allows tab and line breaks (a textarea posts CR LF) in a multi-line field, nothing else", () => {
    expect(hasControlCharacter("line one\r\nline two\tend", { multiline: true })).toBe(false);
    expect(hasControlCharacter("a\u0000b", { multiline: true })).toBe(true);
    expect(hasControlCharacter("a\u000bb", { multiline: true })).toBe(true);
  });

  it("lets ordinary text through, including non-Latin letters and emoji", () => {
    expect(hasControlCharacter("Zoë O'Brien-Łukasz 山田 🙂 <b>&amp;")).toBe(false);
  });
});

describe("plainText", () => {
  it("names the field in its error", () => {
    expect(plainText("Name").safeParse("A\u0000").error?.issues[0]?.message).toBe("Name contains a control character.");
  });
});
