import { describe, expect, it } from "vitest";
import { clientAddressFrom } from "@/lib/auth/sign-in/client-address";

describe("clientAddressFrom", () => {
  it("with no trusted proxy takes the one address Next wrote from the socket", () => {
    expect(clientAddressFrom("127.0.0.1", 0)).toBe("127.0.0.1");
    expect(clientAddressFrom("::ffff:192.0.2.7", 0)).toBe("192.0.2.7");
    expect(clientAddressFrom("2001:DB8::1", 0)).toBe("2001:db8::1");
  });

  it("with no trusted proxy refuses a list, which only a client can have sent", () => {
    expect(clientAddressFrom("203.0.113.9, 127.0.0.1", 0)).toBeNull();
  });

  it("with one proxy takes the address that proxy appended, whatever the client put before it", () => {
    expect(clientAddressFrom("198.51.100.4", 1)).toBe("198.51.100.4");
    expect(clientAddressFrom("10.9.9.9, 6.6.6.6, 198.51.100.4", 1)).toBe("198.51.100.4");
  });

  it("with two proxies takes the outer proxy's entry and ignores the spoofed ones and the inner proxy", () => {
    expect(clientAddressFrom("6.6.6.6, 198.51.100.4, 10.0.0.2", 2)).toBe("198.51.100.4");
    expect(clientAddressFrom("198.51.100.4, 10.0.0.2", 2)).toBe("198.51.100.4");
  });

  it("answers null when the header is missing, too short for the proxies, or not an address", () => {
    expect(clientAddressFrom(null, 0)).toBeNull();
    expect(clientAddressFrom(undefined, 1)).toBeNull();
    expect(clientAddressFrom("10.0.0.2", 2)).toBeNull();
    expect(clientAddressFrom("not-an-ip", 0)).toBeNull();
    expect(clientAddressFrom("6.6.6.6, <script>", 1)).toBeNull();
    expect(clientAddressFrom("", 0)).toBeNull();
  });
});
