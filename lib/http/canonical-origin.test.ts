import { describe, expect, it } from "vitest";
import { canonicalDecision as decide, requestHost } from "@/lib/http/canonical-origin";

function canonicalDecision(url: URL, method: string, canonical: URL) {
  return decide({ host: url.host, pathname: url.pathname, search: url.search }, method, canonical);
}

const canonical = new URL("http://localhost:3100");

describe("canonicalDecision", () => {
  it("lets the canonical host through", () => {
    expect(canonicalDecision(new URL("http://localhost:3100/contacts?q=a"), "GET", canonical)).toEqual({
      action: "continue",
    });
  });

  it("sends a GET or HEAD on another name for the server to the canonical origin, keeping path and query", () => {
    for (const method of ["GET", "HEAD", "get"]) {
      const decision = canonicalDecision(
        new URL("http://127.0.0.1:3100/sign-in?callbackUrl=%2Fcontacts%3Fq%3Da"),
        method,
        canonical,
      );
      expect(decision).toEqual({
        action: "redirect",
        location: new URL("http://localhost:3100/sign-in?callbackUrl=%2Fcontacts%3Fq%3Da"),
      });
    }
  });

  it("treats another port as another origin", () => {
    expect(canonicalDecision(new URL("http://localhost:3000/"), "GET", canonical)).toMatchObject({
      action: "redirect",
    });
  });

  it("refuses a POST or any other method rather than re-sending its body elsewhere", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE", "OPTIONS"]) {
      expect(canonicalDecision(new URL("http://127.0.0.1:3100/contacts/new"), method, canonical)).toEqual({
        action: "refuse",
      });
    }
  });

  it("does not loop behind a TLS-terminating proxy (same host, the app sees http)", () => {
    expect(
      canonicalDecision(new URL("http://contacts.example.com/"), "GET", new URL("https://contacts.example.com")),
    ).toEqual({ action: "continue" });
  });

  it("never lets the path choose the host of the redirect", () => {
    const decision = canonicalDecision(new URL("http://127.0.0.1:3100//evil.example/x"), "GET", canonical);
    expect(decision.action === "redirect" && decision.location.origin).toBe("http://localhost:3100");
  });
});

describe("requestHost", () => {
  it("prefers the first X-Forwarded-Host, then Host, lower-cased", () => {
    expect(requestHost(new Headers({ host: "127.0.0.1:3100" }))).toBe("127.0.0.1:3100");
    expect(
      requestHost(new Headers({ host: "10.0.0.5:3000", "x-forwarded-host": "Contacts.Example.com, proxy.internal" })),
    ).toBe("contacts.example.com");
    expect(requestHost(new Headers())).toBe("");
  });
});
