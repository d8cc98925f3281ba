import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, writeFile } from "node:fs/promises";

/** The app's variables for a provisioned pool (names as lib/env.ts reads them; .env.example explains each). */
export type EnvValues = {
  region: string;
  /** The API endpoint the CLI used; undefined: AWS's regional endpoint. */
  endpoint: string | undefined;
  userPoolId: string;
  clientId: string;
  clientSecret: string;
  domainPrefix: string;
  appUrl: string;
};

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

export const isLoopback = (url: string | undefined): boolean =>
  url !== undefined && LOOPBACK.has(new URL(url).hostname);

export const hostedUiUrl = (prefix: string, region: string) => `https://${prefix}.auth.${region}.amazoncognito.com`;

/**
 * Pure. A loopback endpoint is the local stand-in, which the app reaches in its local mode (its Hosted UI is on the
 * stand-in's own URL); any other endpoint is real Cognito through a non-default API endpoint.
 */
export function renderEnv(values: EnvValues, appSecrets?: { nextAuthSecret: string; sessionPassword: string }): string {
  const cognito = isLoopback(values.endpoint)
    ? ["COGNITO_MODE=local", `COGNITO_LOCAL_URL=${values.endpoint}`]
    : [
        "COGNITO_MODE=aws",
        `COGNITO_REGION=${values.region}`,
        `COGNITO_DOMAIN=${hostedUiUrl(values.domainPrefix, values.region)}`,
        ...(values.endpoint ? [`COGNITO_API_ENDPOINT=${values.endpoint}`] : []),
      ];
  const secrets = appSecrets
    ? [
        "# Fresh random secrets for this file; every instance of one deployment must share them.",
        `NEXTAUTH_SECRET=${appSecrets.nextAuthSecret}`,
        `SESSION_PASSWORD=${appSecrets.sessionPassword}`,
      ]
    : ["# Also set NEXTAUTH_SECRET and SESSION_PASSWORD (each: openssl rand -base64 32); see .env.example."];
  const lines = [
    "# Written by npm run cognito:provision. COGNITO_CLIENT_SECRET is a secret: keep it out of git and logs.",
    ...cognito,
    `COGNITO_USER_POOL_ID=${values.userPoolId}`,
    `COGNITO_CLIENT_ID=${values.clientId}`,
    `COGNITO_CLIENT_SECRET=${values.clientSecret}`,
    `NEXTAUTH_URL=${values.appUrl}`,
    ...secrets,
  ];
  return `${lines.join("\n")}\n`;
}

export function generateAppSecrets() {
  return {
    nextAuthSecret: randomBytes(32).toString("base64url"),
    sessionPassword: randomBytes(32).toString("base64url"),
  };
}

export class EnvFileExistsError extends Error {
  override name = "EnvFileExistsError";
}

/** Checked before anything is provisioned, so a refusal changes nothing. */
export function assertWritable(file: string, force: boolean): void {
  if (!force && existsSync(file)) {
    throw new EnvFileExistsError(`${file} exists: not overwritten (pass --force to replace it)`);
  }
}

/** `wx` unless forced: a file that appeared since the check is not overwritten either. Owner-only (it has secrets). */
export async function writeEnvFile(file: string, content: string, force: boolean): Promise<void> {
  try {
    await writeFile(file, content, { mode: 0o600, flag: force ? "w" : "wx" });
    // `mode` applies only when the file is created; a replaced file may have been readable by others.
    await chmod(file, 0o600);
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "EEXIST") {
      throw new EnvFileExistsError(`${file} exists: not overwritten (pass --force to replace it)`);
    }
    throw error;
  }
}
