import { describe, expect, it } from "vitest";
import { logSettingsFrom } from "@/lib/log/log-settings";
import { prettyLine } from "@/lib/log/pretty-line";

describe("prettyLine", () => {
  it("shows time, level and message first, then the other fields as key=value", () => {
    const line = JSON.stringify({
      level: 30,
      time: "2026-12-02T15:03:03.479Z",
      pid: 1,
      hostname: "h",
      requestId: "r-1",
      msg: "api GET /api/contacts",
      status: 200,
      sub: null,
      route: "/a b",
    });
    expect(prettyLine(line)).toBe(
      '15:03:03.479 INFO  api GET /api/contacts requestId=r-1 status=200 sub=null route="/a b"',
    );
  });

  it("passes anything that is not a JSON object through unchanged", () => {
    expect(prettyLine("plain text\n")).toBe("plain text");
    expect(prettyLine("[1]")).toBe("[1]");
  });
});

describe("logSettingsFrom", () => {
  it("defaults to JSON at info, with no file", () => {
    expect(logSettingsFrom({})).toEqual({ format: "json", level: "info", file: undefined });
  });

  it("refuses an unknown format or level", () => {
    expect(() => logSettingsFrom({ LOG_FORMAT: "text" })).toThrow(/json/);
    expect(() => logSettingsFrom({ LOG_LEVEL: "verbose" })).toThrow(/info/);
  });
});
