import { describe, expect, it, vi } from "vitest";
import { brandedError, isBranded } from "@/lib/errors";

describe("brandedError", () => {
  class OutageError extends brandedError("TestOutageError") {
    override name = "TestOutageError";
  }
  class ExpiredError extends brandedError("TestExpiredError", OutageError) {
    override name = "TestExpiredError";
  }

  it("keeps Error's message, cause, name and stack", () => {
    const cause = new Error("socket");
    const error = new OutageError("down", { cause });
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe("down");
    expect(error.cause).toBe(cause);
    expect(error.name).toBe("TestOutageError");
    expect(error.stack).toContain("down");
  });

  it("recognises an instance made by another copy of the class", () => {
    // What a second bundle holds: the same source, evaluated again, so a different class object.
    class OtherCopyOfOutageError extends brandedError("TestOutageError") {}
    const fromOtherBundle = new OtherCopyOfOutageError("down");
    expect(OtherCopyOfOutageError).not.toBe(OutageError);
    expect(fromOtherBundle instanceof OutageError).toBe(true);
    expect(new OutageError("down") instanceof OtherCopyOfOutageError).toBe(true);
    expect(isBranded(fromOtherBundle, "TestOutageError")).toBe(true);
  });

  it("recognises an instance from a re-imported module", async () => {
    vi.resetModules();
    const again = await import("@/lib/errors");
    class ReimportedOutageError extends again.brandedError("TestOutageError") {}
    expect(new ReimportedOutageError("down")).toBeInstanceOf(OutageError);
  });

  it("keeps the parent's brand on a subclass, not the other way round", () => {
    expect(new ExpiredError("old")).toBeInstanceOf(OutageError);
    expect(new ExpiredError("old")).toBeInstanceOf(ExpiredError);
    expect(new OutageError("down")).not.toBeInstanceOf(ExpiredError);
  });

  it("does not recognise other errors, look-alikes by name, or non-objects", () => {
    class Unrelated extends brandedError("TestUnrelatedError") {}
    const lookAlike = Object.assign(new Error("down"), { name: "TestOutageError" });
    for (const value of [new Unrelated("x"), lookAlike, new Error("down"), "TestOutageError", null, undefined]) {
      expect(value instanceof OutageError).toBe(false);
    }
  });
});

describe("the errors that decide a status", () => {
  // Each entry: a module and the error classes in it that a caller turns into a status (401, 503, …).
  const modules = {
    "@/lib/authz/cerbos-client": ["AuthorizationUnavailableError"],
    "@/lib/db/unavailable": ["DatabaseUnavailableError"],
    "@/lib/authz/unsupported-plan-error": ["UnsupportedPlanError"],
    "@/lib/auth/token/access-token": ["InvalidAccessTokenError", "AccessTokenExpiredError", "JwksUnavailableError"],
    "@/lib/auth/cognito-client": ["CognitoUnavailableError"],
    "@/lib/auth/cognito-api": ["RefreshRejectedError"],
  } as const;
  type ErrorClass = new (message?: string) => Error;

  it.each(Object.entries(modules))(
    "%s: an error from another copy of the module is recognised",
    async (path, names) => {
      const first = (await import(path)) as Record<string, ErrorClass>;
      vi.resetModules();
      const second = (await import(path)) as Record<string, ErrorClass>;
      for (const name of names) {
        const [Here, There] = [first[name], second[name]];
        if (!Here || !There) throw new Error(`${path} exports no ${name}`);
        expect(There, `${name} is a second copy`).not.toBe(Here);
        expect(new There("x"), name).toBeInstanceOf(Here);
      }
    },
  );
});
