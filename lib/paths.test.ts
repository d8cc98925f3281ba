import { describe, expect, it } from "vitest";

import { paths } from "@/lib/paths";

describe("paths with query strings", () => {
  it("builds the sign-in page's return address, the session-end reason first", () => {
    expect(paths.signInWith({ callbackUrl: "/contacts?q=ada" })).toBe("/sign-in?callbackUrl=%2Fcontacts%3Fq%3Dada");
    expect(paths.signInWith({ callbackUrl: "/sessions", error: "SessionIdle" })).toBe(
      "/sign-in?error=SessionIdle&callbackUrl=%2Fsessions",
    );
    expect(paths.signInWith({ error: "SessionExpired" })).toBe("/sign-in?error=SessionExpired");
    expect(paths.sessionsWith({ error: "invalid" })).toBe("/sessions?error=invalid");
    expect(paths.sessionsWith({ revoked: true })).toBe("/sessions?revoked=1");
  });

  it("builds the refresh and 503 addresses with the return path encoded", () => {
    expect(paths.refreshWith({ returnTo: "/contacts/a b" })).toBe("/auth/refresh?returnTo=%2Fcontacts%2Fa+b");
    expect(paths.unavailableWith({ reason: "cognito", returnTo: "/contacts?q=a&page=2" })).toBe(
      "/unavailable?reason=cognito&returnTo=%2Fcontacts%3Fq%3Da%26page%3D2",
    );
    expect(paths.unavailableWith({ reason: "database" })).toBe("/unavailable?reason=database");
  });

  it("leaves the list's defaults out, so one list has one address", () => {
    expect(paths.contactsWith({})).toBe("/contacts");
    expect(paths.contactsWith({ q: "", page: 1, pageSize: 25 })).toBe("/contacts");
    expect(paths.contactsWith({ q: "o'neil & co", page: 3, pageSize: 50 })).toBe(
      "/contacts?q=o%27neil+%26+co&page=3&pageSize=50",
    );
    expect(paths.contactsWith({ deleted: true })).toBe("/contacts?deleted=1");
    expect(paths.contactsWith({ deleted: false })).toBe("/contacts");
    expect(paths.apiContactsWith({ q: "Zz outage", pageSize: 50 })).toBe("/api/contacts?q=Zz+outage&pageSize=50");
  });

  it("round-trips what it encodes", () => {
    const returnTo = "/contacts?q=%&page=2#top";
    const url = new URL(paths.unavailableWith({ reason: "cerbos", returnTo }), "http://app.invalid");
    expect(url.pathname).toBe(paths.unavailable);
    expect(url.searchParams.get("returnTo")).toBe(returnTo);
    expect(new URL(paths.contactsWith({ q: "a+b %" }), "http://app.invalid").searchParams.get("q")).toBe("a+b %");
  });

  it("encodes ids into single path segments", () => {
    expect(paths.contactDetail("a/b")).toBe("/contacts/a%2Fb");
    expect(paths.apiContact("a b")).toBe("/api/contacts/a%20b");
  });

  it("says on a contact's page what just happened to it", () => {
    expect(paths.contactDetailWith("a/b", { created: true })).toBe("/contacts/a%2Fb?created=1");
    expect(paths.contactDetailWith("c", { saved: true })).toBe("/contacts/c?saved=1");
  });

  it("keeps the admin console's search and Cognito's pagination token in its address", () => {
    expect(paths.admin.usersWith({})).toBe("/admin/users");
    expect(paths.admin.usersWith({ q: "", token: "" })).toBe("/admin/users");
    expect(paths.admin.usersWith({ q: "ali", token: "a+b/c=" })).toBe("/admin/users?q=ali&token=a%2Bb%2Fc%3D");
  });
});
