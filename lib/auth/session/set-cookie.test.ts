import { describe, expect, it } from "vitest";
import { parseSetCookie } from "@/lib/auth/session/set-cookie";

describe("parseSetCookie", () => {
  it("reads next-auth's session cookie with its attributes", () => {
    const parsed = parseSetCookie(
      "next-auth.session-token=abc.def=; Path=/; Expires=Thu, 24 Dec 2099 20:52:18 GMT; HttpOnly; SameSite=Lax; Secure",
    );
    expect(parsed).toMatchObject({ name: "next-auth.session-token", value: "abc.def=", removed: false });
    expect(parsed.options).toMatchObject({ path: "/", httpOnly: true, sameSite: "lax", secure: true });
    expect(parsed.options.expires?.getUTCFullYear()).toBe(2099);
  });

  it("recognises a cookie being removed", () => {
    expect(parseSetCookie("next-auth.session-token.1=; Path=/; Max-Age=0").removed).toBe(true);
    expect(parseSetCookie("a=b; Expires=Thu, 01 Jan 1970 00:00:00 GMT").removed).toBe(true);
  });
});
