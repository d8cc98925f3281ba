import { describe, expect, it } from "vitest";
import { createNonce, nonceOf, pageContentSecurityPolicy } from "@/lib/http/content-security-policy";

function directives(policy: string): Map<string, string> {
  return new Map(policy.split("; ").map((directive) => [directive.split(" ")[0]!, directive]));
}

describe("pageContentSecurityPolicy", () => {
  const production = directives(
    pageContentSecurityPolicy({ nonce: "abc123", formActionOrigins: ["https://auth.example.com"], development: false }),
  );

  it("runs only scripts with the nonce: no 'unsafe-inline', no 'unsafe-eval' in production", () => {
    expect(production.get("script-src")).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(production.get("style-src")).toBe("style-src 'self' 'nonce-abc123'");
    expect([...production.values()].join(";")).not.toContain("unsafe");
  });

  it("keeps framing, plugins, base and form targets locked down", () => {
    expect(production.get("frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(production.get("object-src")).toBe("object-src 'none'");
    expect(production.get("base-uri")).toBe("base-uri 'self'");
    expect(production.get("form-action")).toBe("form-action 'self' https://auth.example.com");
  });

  it("allows eval only for next dev", () => {
    const dev = directives(pageContentSecurityPolicy({ nonce: "n", formActionOrigins: [], development: true }));
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    expect(dev.get("form-action")).toBe("form-action 'self'");
  });
});

describe("createNonce", () => {
  it("is fresh, 128 bits, and readable back from the header", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    const nonce = [...nonces][0]!;
    expect(atob(nonce)).toHaveLength(16);
    const headers = new Headers({
      "content-security-policy": pageContentSecurityPolicy({ nonce, formActionOrigins: [], development: false }),
    });
    expect(nonceOf(headers)).toBe(nonce);
    expect(nonceOf(new Headers())).toBeUndefined();
  });
});
