import { describe, expect, it } from "vitest";
import { declaresTooLarge, readLimitedText } from "@/lib/http/limited-body";

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request("http://app.test/api", { method: "POST", body, headers, duplex: "half" } as RequestInit);

/** A chunked body: no Content-Length, delivered in pieces. */
function streamOf(chunkCount: number, chunkSize: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent++ === chunkCount) return controller.close();
      controller.enqueue(new Uint8Array(chunkSize).fill(0x61));
    },
  });
}

describe("readLimitedText", () => {
  it("reads a body within the limit", async () => {
    expect(await readLimitedText(post('{"name":"Zoë"}'), 64)).toEqual({ status: "ok", text: '{"name":"Zoë"}' });
  });

  it("counts bytes, not characters", async () => {
    expect(await readLimitedText(post("é".repeat(40)), 64)).toEqual({ status: "too-large" });
  });

  it("refuses a declared Content-Length over the limit before reading", async () => {
    const request = post("{}", { "content-length": "65537" });
    expect(await readLimitedText(request, 65_536)).toEqual({ status: "too-large" });
    expect(request.bodyUsed).toBe(false);
  });

  it("counts a chunked body while reading and stops at the limit", async () => {
    const request = post(streamOf(100, 1024));
    expect(request.headers.get("content-length")).toBeNull();
    expect(await readLimitedText(request, 10 * 1024)).toEqual({ status: "too-large" });
    expect(await readLimitedText(post(streamOf(10, 1024)), 10 * 1024)).toMatchObject({ status: "ok" });
  });

  it("refuses bytes that are not UTF-8", async () => {
    expect(await readLimitedText(post(new Uint8Array([0x7b, 0xff, 0x7d])), 64)).toEqual({ status: "unreadable" });
  });
});

describe("declaresTooLarge", () => {
  it("ignores a missing or malformed Content-Length (the byte count still applies)", () => {
    expect(declaresTooLarge(new Headers(), 10)).toBe(false);
    expect(declaresTooLarge(new Headers({ "content-length": "abc" }), 10)).toBe(false);
    expect(declaresTooLarge(new Headers({ "content-length": "11" }), 10)).toBe(true);
  });
});
