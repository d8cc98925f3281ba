// The Hosted UI's SSO session, logout and the first sign-in's new-password page (tokens: hosted-tokens.test.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CALLBACK,
  LOGOUT,
  authorizeUrl,
  basicAuth,
  exchangeCode,
  hiddenFields,
  jwtPayload,
  pkcePair,
  postForm,
  signIn,
  ssoCookieFrom,
  startSeeded,
  submitLogin,
  validAuthorizeParams,
  type Harness,
  type TokenResponse,
} from "@/lib/testing/cognito-stand-in";

const PORT = 9402;
let h: Harness;

beforeAll(async () => {
  h = await startSeeded(PORT);
});
afterAll(async () => {
  await h?.stop();
});

function refresh(refreshToken: string) {
  return postForm(
    `${h.url}/oauth2/token`,
    { grant_type: "refresh_token", refresh_token: refreshToken },
    { authorization: basicAuth(h.clientId, h.clientSecret) },
  );
}

describe("SSO session and logout", () => {
  it("skips the form while the SSO cookie is valid, and shows it again after logout", async () => {
    const { cookie } = await signIn(h, "nora@example.com", "Nora#Pass1");
    expect(cookie).toBeTruthy();
    const { challenge, verifier } = pkcePair();
    const again = await fetch(authorizeUrl(h, validAuthorizeParams(h, challenge, "second")), {
      redirect: "manual",
      headers: { cookie: cookie ?? "" },
    });
    expect(again.status).toBe(302);
    const location = new URL(again.headers.get("location") ?? "");
    expect(location.searchParams.get("state")).toBe("second");
    const tokens = (await (
      await exchangeCode(h, location.searchParams.get("code") ?? "", verifier)
    ).json()) as TokenResponse;
    expect(jwtPayload(tokens.id_token).email).toBe("nora@example.com");
    expect((await refresh(tokens.refresh_token ?? "")).status).toBe(200);

    const logout = await fetch(
      `${h.url}/logout?${new URLSearchParams({ client_id: h.clientId, logout_uri: LOGOUT })}`,
      { redirect: "manual", headers: { cookie: cookie ?? "" } },
    );
    expect(logout.status).toBe(302);
    expect(logout.headers.get("location")).toBe(LOGOUT);
    expect(logout.headers.getSetCookie().join("\n")).toMatch(/cognito_local_sso_9402=; .*Max-Age=0/);

    const afterLogout = await fetch(authorizeUrl(h, validAuthorizeParams(h, challenge)), {
      redirect: "manual",
      headers: { cookie: cookie ?? "" },
    });
    expect(afterLogout.status).toBe(200);
    expect(await afterLogout.text()).toContain("Sign in");
  });

  it("honours prompt=login (form despite the session) and prompt=none (login_required without one)", async () => {
    const { cookie } = await signIn(h, "alice@example.com", "Alice#Pass1");
    const { challenge } = pkcePair();
    const forced = await fetch(authorizeUrl(h, { ...validAuthorizeParams(h, challenge), prompt: "login" }), {
      redirect: "manual",
      headers: { cookie: cookie ?? "" },
    });
    expect(forced.status).toBe(200);
    const silent = await fetch(authorizeUrl(h, { ...validAuthorizeParams(h, challenge, "quiet"), prompt: "none" }), {
      redirect: "manual",
    });
    expect(silent.status).toBe(302);
    const location = new URL(silent.headers.get("location") ?? "");
    expect(location.searchParams.get("error")).toBe("login_required");
    expect(location.searchParams.get("state")).toBe("quiet");
  });

  it("ignores an unknown SSO cookie", async () => {
    const { challenge } = pkcePair();
    const response = await fetch(authorizeUrl(h, validAuthorizeParams(h, challenge)), {
      redirect: "manual",
      headers: { cookie: "cognito_local_sso_9402=forged" },
    });
    expect(response.status).toBe(200);
  });

  it("refuses an unregistered logout_uri or unknown client with a 400 page", async () => {
    const queries: Record<string, string>[] = [
      { client_id: h.clientId, logout_uri: "https://evil.example/" },
      { client_id: "nope", logout_uri: LOGOUT },
      { client_id: h.clientId },
    ];
    for (const query of queries) {
      const response = await fetch(`${h.url}/logout?${new URLSearchParams(query)}`, { redirect: "manual" });
      expect(response.status).toBe(400);
      expect(response.headers.get("location")).toBeNull();
      expect(response.headers.get("content-type")).toContain("text/html");
    }
  });
});

describe("first sign-in with a temporary password", () => {
  it("asks for a new password, enforces confirmation and policy, then completes the code flow", async () => {
    const { challenge, verifier } = pkcePair();
    const response = await submitLogin(
      h,
      validAuthorizeParams(h, challenge, "newbie-state"),
      "newbie@example.com",
      "Temp#Pass1",
    );
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<label for="new_password">New password</label>');
    expect(html).toContain('<label for="confirm_password">Confirm new password</label>');
    expect(html).toContain('<button type="submit">Set password</button>');
    const pending = hiddenFields(html).pending ?? "";

    const mismatch = await postForm(`${h.url}/login/new-password`, {
      pending,
      new_password: "Newbie#Pass1",
      confirm_password: "Newbie#Pass2",
    });
    expect(await mismatch.text()).toContain("The passwords do not match.");
    const weak = await postForm(`${h.url}/login/new-password`, {
      pending,
      new_password: "short",
      confirm_password: "short",
    });
    expect(await weak.text()).toContain("Password does not conform to policy");

    const done = await postForm(`${h.url}/login/new-password`, {
      pending,
      new_password: "Newbie#Pass1",
      confirm_password: "Newbie#Pass1",
    });
    expect(done.status).toBe(302);
    expect(ssoCookieFrom(done)).toBeTruthy();
    const location = new URL(done.headers.get("location") ?? "");
    expect(`${location.origin}${location.pathname}`).toBe(CALLBACK);
    expect(location.searchParams.get("state")).toBe("newbie-state");
    const tokens = (await (
      await exchangeCode(h, location.searchParams.get("code") ?? "", verifier)
    ).json()) as TokenResponse;
    expect(jwtPayload(tokens.id_token).email).toBe("newbie@example.com");
    expect((await refresh(tokens.refresh_token ?? "")).status).toBe(200);

    const reuse = await postForm(`${h.url}/login/new-password`, {
      pending,
      new_password: "Other#Pass1",
      confirm_password: "Other#Pass1",
    });
    expect(reuse.status).toBe(400);
    const oldPassword = await submitLogin(
      h,
      validAuthorizeParams(h, pkcePair().challenge),
      "newbie@example.com",
      "Temp#Pass1",
    );
    expect(await oldPassword.text()).toContain("Incorrect username or password.");
    const newPassword = await submitLogin(
      h,
      validAuthorizeParams(h, pkcePair().challenge),
      "newbie@example.com",
      "Newbie#Pass1",
    );
    expect(newPassword.status).toBe(302);
  });
});
