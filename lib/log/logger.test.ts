import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { createLogger } from "@/lib/log/logger";

async function readWhenWritten(file: string): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    if (existsSync(file) && readFileSync(file, "utf8").endsWith("\n")) return readFileSync(file, "utf8");
    await sleep(20);
  }
  throw new Error(`nothing was written to ${file}`);
}

describe("createLogger", () => {
  it("writes JSON lines to the file, with credentials and contact contents redacted", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "log-")), "nested", "app.log");
    const logger = createLogger({ format: "json", level: "info", file });
    logger.info(
      {
        requestId: "r-1",
        password: "hunter2",
        headers: { cookie: "session=abc", authorization: "Bearer eyJ" },
        contact: { name: "Ada", email: "ada@example.com" },
        result: { accessToken: "eyJhbG", email: "x@example.com" },
      },
      "something",
    );
    logger.debug("not at info");
    const [line, ...rest] = (await readWhenWritten(file)).trimEnd().split("\n");
    expect(rest).toEqual([]);
    const entry = JSON.parse(line ?? "{}");
    expect(entry).toMatchObject({ level: 30, msg: "something", requestId: "r-1", password: "[redacted]" });
    expect(entry.headers).toEqual({ cookie: "[redacted]", authorization: "[redacted]" });
    expect(entry.contact).toBe("[redacted]");
    expect(entry.result).toEqual({ accessToken: "[redacted]", email: "[redacted]" });
    expect(line).not.toMatch(/hunter2|abc|eyJ|Ada|example\.com/);
    expect(new Date(entry.time).toISOString()).toBe(entry.time);
  });
});
