import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CookieTooLargeError, MAX_COOKIE_BYTES, sealForCookie } from "@/lib/auth/session/sealed-cookie";

const password = randomBytes(32).toString("base64url");

/** A JWT-shaped string of about `bytes` characters, like the real Cognito tokens (access 1.0 KB, ID 1.0 KB, refresh 1.8 KB). */
function syntheticToken(bytes: number): string {
  const part = (n: number) =>
    randomBytes(Math.ceil((n * 3) / 4))
      .toString("base64url")
      .slice(0, n);
  return `${part(36)}.${part(bytes - 36 - 344 - 2)}.${part(344)}`;
}

const accessToken = syntheticToken(1024);
const refreshToken = syntheticToken(1800);
const idToken = syntheticToken(1024);

describe("sealed session cookies with real-sized Cognito tokens", () => {
  it("fits the direct session (access token and claims) in one cookie", async () => {
    const sealed = await sealForCookie(
      "contacts_session",
      {
        accessToken,
        expiresAt: 1_900_000_000,
        email: "someone.with.a.long.address@example.com",
        username: "7f1c0a4e-2b7d-4a52-9c1e-2f3b4c5d6e7f",
      },
      3600,
      password,
    );
    expect(sealed.length).toBeLessThan(MAX_COOKIE_BYTES - 200);
  });

  it("fits the refresh token in its own cookie", async () => {
    const sealed = await sealForCookie(
      "contacts_refresh",
      { refreshToken, username: "7f1c0a4e-2b7d-4a52-9c1e-2f3b4c5d6e7f" },
      3600,
      password,
    );
    expect(sealed.length).toBeLessThan(MAX_COOKIE_BYTES);
  });

  it("refuses what would not fit, instead of letting the browser drop it silently", async () => {
    // All three tokens in one iron-session cookie pass the limit; access and refresh together come within a few
    // hundred bytes of it (more groups make a longer access token), hence one cookie each.
    await expect(
      sealForCookie("contacts_session", { accessToken, refreshToken, idToken }, 3600, password),
    ).rejects.toBeInstanceOf(CookieTooLargeError);
  });
});
