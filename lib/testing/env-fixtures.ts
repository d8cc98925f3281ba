import { expect } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

/** Environments parseEnv accepts, one per mode, for the lib/env*.test.ts suites to vary. */
const secret = (c: string) => c.repeat(40);

export const local = {
  NODE_ENV: "production",
  COGNITO_MODE: "local",
  COGNITO_LOCAL_URL: "http://127.0.0.1:9229/",
  COGNITO_USER_POOL_ID: "local_AbC123",
  COGNITO_CLIENT_ID: "client123",
  COGNITO_CLIENT_SECRET: secret("s"),
  NEXTAUTH_URL: "http://localhost:3000",
  NEXTAUTH_SECRET: secret("n"),
  SESSION_PASSWORD: secret("p"),
};

export const aws = {
  ...local,
  COGNITO_MODE: "aws",
  COGNITO_LOCAL_URL: undefined,
  COGNITO_REGION: "eu-west-1",
  COGNITO_USER_POOL_ID: "eu-west-1_AbC123",
  COGNITO_DOMAIN: "https://contacts.auth.eu-west-1.amazoncognito.com",
  NEXTAUTH_URL: "https://contacts.example.com",
};

/** The EnvError message parseEnv throws for `source` (fails the test if it does not throw). */
export function problemsOf(source: Record<string, string | undefined>): string {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as Error).message;
  }
  throw new Error("expected parseEnv to throw");
}
