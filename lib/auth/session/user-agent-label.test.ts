import { describe, expect, it } from "vitest";
import { userAgentLabel } from "@/lib/auth/session/user-agent-label";

describe("userAgentLabel", () => {
  it("names the browser and the system", () => {
    const chrome =
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";
    expect(userAgentLabel(chrome)).toBe("Chrome on Linux");
    const edge = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36 Edg/130.0";
    expect(userAgentLabel(edge)).toBe("Edge on Windows");
    const safari =
      "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Version/18.0 Mobile/15E148 Safari/604.1";
    expect(userAgentLabel(safari)).toBe("Safari on iOS");
  });

  it("falls back to something short for anything else", () => {
    expect(userAgentLabel(undefined)).toBe("Unknown browser");
    expect(userAgentLabel("x".repeat(5000))).toBe("Unknown browser");
    expect(userAgentLabel("curl/8.5.0")).toBe("curl");
  });
});
