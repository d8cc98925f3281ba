// A provisioned pool and client, used by the app's own sign-in code: the form (USER_PASSWORD_AUTH with the secret
// hash) and the Hosted UI code flow, both ending in the app's access-token verification.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInWithPassword } from "@/lib/auth/cognito-api";
import { verifyAccessToken } from "@/lib/auth/token/access-token";
import { parseEnv, type Env } from "@/lib/env";
import { basicAuth, hiddenFields, pkcePair, postForm } from "@/lib/testing/cognito-stand-in";
import { envValues, runCli, startFreshStandIn, type FreshStandIn } from "@/scripts/provision/testing";

const PORT = 9440;
const APP_URL = "http://localhost:3999";
const CALLBACK = `${APP_URL}/api/auth/callback/cognito`;
// What lib/auth/next-auth.ts asks the Hosted UI for.
const APP_SCOPE = "openid email profile aws.cognito.signin.user.admin";

let s: FreshStandIn;
let env: Env;
const passwords = new Map<string, string>();

beforeAll(async () => {
  s = await startFreshStandIn(PORT);
  const file = path.join(s.dir, ".env.local");
  const run = await runCli([
    ...["--endpoint", s.running.url, "--domain-prefix", "contacts-signin", "--app-url", APP_URL],
    ...["--demo-users", "--write-env", file],
  ]);
  expect(run.code, run.text).toBe(0);
  for (const line of run.out) {
    const match = /^ {2}(\S+@\S+) +(\S+) /.exec(line);
    if (match?.[1] && match[2]) passwords.set(match[1], match[2]);
  }
  // The written file is all the app needs: lib/env.ts accepts it as the whole environment.
  env = parseEnv(envValues((await readFile(file, "utf8")).split("\n")));
});
afterAll(async () => {
  await s?.stop();
});

const password = (email: string) => passwords.get(email) ?? "";

describe("the app signs in with the provisioned client", () => {
  it("creates the demo users with generated passwords, never seed.json's", () => {
    expect([...passwords.keys()].sort()).toEqual([
      "admin@example.com",
      "alice@example.com",
      "bob@example.com",
      "newbie@example.com",
      "nora@example.com",
    ]);
    expect(password("alice@example.com")).not.toBe("Alice#Pass1");
    expect(password("alice@example.com").length).toBeGreaterThanOrEqual(12);
  });

  it("through the form: the app's password sign-in, then its token verification", async () => {
    const result = await signInWithPassword(env.cognito, "admin@example.com", password("admin@example.com"));
    if (result.status !== "signed-in") throw new Error(`sign-in answered ${result.status}`);
    const claims = await verifyAccessToken(result.tokens.accessToken, env.cognito);
    expect(claims["cognito:groups"]).toEqual(["admin"]);
    expect(claims.client_id).toBe(env.cognito.clientId);
    const wrong = await signInWithPassword(env.cognito, "alice@example.com", "Wrong#Pass1234");
    expect(wrong.status).toBe("invalid-credentials");
    const newbie = await signInWithPassword(env.cognito, "newbie@example.com", password("newbie@example.com"));
    expect(newbie.status).toBe("new-password-required");
  });

  async function hostedUiCode(email: string): Promise<{ code: string; verifier: string }> {
    const discovery = (await (await fetch(`${env.cognito.issuer}/.well-known/openid-configuration`)).json()) as {
      authorization_endpoint: string;
    };
    const { verifier, challenge } = pkcePair();
    const authorize = new URL(discovery.authorization_endpoint);
    const params = {
      client_id: env.cognito.clientId,
      redirect_uri: CALLBACK,
      response_type: "code",
      scope: APP_SCOPE,
      state: "provisioned",
      code_challenge: challenge,
      code_challenge_method: "S256",
    };
    for (const [key, value] of Object.entries(params)) authorize.searchParams.set(key, value);
    const page = await fetch(authorize, { redirect: "manual" });
    expect(page.status).toBe(200);
    const fields = { ...hiddenFields(await page.text()), username: email, password: password(email) };
    const login = await postForm(`${env.cognito.hostedUiUrl}/login`, fields);
    expect(login.status).toBe(302);
    const redirect = new URL(login.headers.get("location") ?? "");
    expect(`${redirect.origin}${redirect.pathname}`).toBe(CALLBACK);
    return { code: redirect.searchParams.get("code") ?? "", verifier };
  }

  const exchange = (code: string, verifier: string, secret: string) =>
    postForm(
      `${env.cognito.hostedUiUrl}/oauth2/token`,
      { grant_type: "authorization_code", code, redirect_uri: CALLBACK, code_verifier: verifier },
      { authorization: basicAuth(env.cognito.clientId, secret) },
    );

  it("through the Hosted UI: authorize, the login page, the code exchanged with the client secret", async () => {
    const { code, verifier } = await hostedUiCode("alice@example.com");
    const response = await exchange(code, verifier, env.cognito.clientSecret);
    expect(response.status).toBe(200);
    const tokens = (await response.json()) as { access_token: string; id_token: string };
    expect(tokens.id_token).toBeTruthy();
    const claims = await verifyAccessToken(tokens.access_token, env.cognito);
    expect(claims["cognito:groups"]).toEqual(["user"]);
    expect(claims.client_id).toBe(env.cognito.clientId);
  });

  it("the token endpoint refuses the code without the provisioned secret", async () => {
    const { code, verifier } = await hostedUiCode("bob@example.com");
    const response = await exchange(code, verifier, "not-the-secret");
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: "invalid_client" });
  });
});
