import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { generatePassword } from "@/scripts/provision/demo-users";
import { type EnvValues, generateAppSecrets, renderEnv } from "@/scripts/provision/env-file";
import { envValues } from "@/scripts/provision/testing";

const values: EnvValues = {
  region: "eu-west-1",
  endpoint: undefined,
  userPoolId: "eu-west-1_AbC123xyz",
  clientId: "4tq1example0client0id000000",
  clientSecret: "example-client-secret-value",
  domainPrefix: "contacts-auth",
  appUrl: "https://contacts.example.com",
};

describe("renderEnv", () => {
  it("renders real Cognito as lib/env.ts reads it, and the app accepts it in production", () => {
    const text = renderEnv(values, generateAppSecrets());
    const vars = envValues(text.split("\n"));
    expect(vars).toMatchObject({
      COGNITO_MODE: "aws",
      COGNITO_REGION: "eu-west-1",
      COGNITO_DOMAIN: "https://contacts-auth.auth.eu-west-1.amazoncognito.com",
      COGNITO_USER_POOL_ID: values.userPoolId,
      COGNITO_CLIENT_ID: values.clientId,
      COGNITO_CLIENT_SECRET: values.clientSecret,
      NEXTAUTH_URL: values.appUrl,
    });
    expect(vars.COGNITO_API_ENDPOINT).toBeUndefined();
    const env = parseEnv({ ...vars, NODE_ENV: "production" });
    expect(env.cognito).toMatchObject({
      mode: "aws",
      issuer: "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123xyz",
      hostedUiUrl: "https://contacts-auth.auth.eu-west-1.amazoncognito.com",
    });
  });

  it("names a non-default https endpoint, and the stand-in (loopback) in local mode", () => {
    const vpc = envValues(
      renderEnv({ ...values, endpoint: "https://vpce-1.cognito-idp.eu-west-1.vpce.amazonaws.com" }).split("\n"),
    );
    expect(vpc).toMatchObject({
      COGNITO_MODE: "aws",
      COGNITO_API_ENDPOINT: "https://vpce-1.cognito-idp.eu-west-1.vpce.amazonaws.com",
    });
    const local = envValues(renderEnv({ ...values, endpoint: "http://127.0.0.1:9229" }).split("\n"));
    expect(local).toMatchObject({ COGNITO_MODE: "local", COGNITO_LOCAL_URL: "http://127.0.0.1:9229" });
    expect(local.COGNITO_DOMAIN).toBeUndefined();
  });

  it("shows the client secret once, and the app secrets only when asked for (a file to write)", () => {
    const printed = renderEnv(values);
    expect(printed.split(values.clientSecret)).toHaveLength(2);
    expect(printed).not.toMatch(/^NEXTAUTH_SECRET=/m);
    const secrets = generateAppSecrets();
    expect(secrets.nextAuthSecret).not.toBe(secrets.sessionPassword);
    expect(secrets.nextAuthSecret.length).toBeGreaterThanOrEqual(32);
  });
});

describe("generatePassword", () => {
  it("meets the provisioned password policy and differs each time", () => {
    const passwords = Array.from({ length: 50 }, generatePassword);
    for (const password of passwords) {
      expect(password.length).toBeGreaterThanOrEqual(12);
      expect(password).toMatch(/[A-Z]/);
      expect(password).toMatch(/[a-z]/);
      expect(password).toMatch(/\d/);
      expect(password).toMatch(/[^A-Za-z0-9]/);
    }
    expect(new Set(passwords).size).toBe(50);
  });
});
