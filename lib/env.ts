import "server-only";
import { z } from "zod";
import type { SignInLimits } from "@/lib/auth/sign-in/throttle-policy";
import { type DatabaseSettings, DatabaseSettingsError, databaseSettingsFromEnv } from "@/lib/db/settings";

/**
 * The environment, validated once. Two modes share one code path:
 * - `aws`: real Cognito (issuer and JWKS on cognito-idp.<region>.amazonaws.com, Hosted UI on COGNITO_DOMAIN);
 * - `local`: the stand-in in cognito/, whose signing key is public, so it is trusted only when
 *   COGNITO_MODE=local says so explicitly and only on a loopback address.
 */

const EXAMPLE_MARKER = "change-me";
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

const urlSchema = z.url({ protocol: /^https?$/ }).transform((value) => value.replace(/\/+$/, ""));

const rawEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  COGNITO_MODE: z.enum(["aws", "local"], { error: 'must be "aws" or "local"' }),
  COGNITO_REGION: z
    .string()
    .regex(/^[a-z0-9-]+$/, "must look like us-east-1")
    .optional(),
  COGNITO_USER_POOL_ID: z.string().regex(/^[\w-]+_[0-9a-zA-Z]+$/, "must look like us-east-1_AbC123"),
  COGNITO_CLIENT_ID: z.string().min(1),
  COGNITO_CLIENT_SECRET: z.string().min(1),
  COGNITO_DOMAIN: urlSchema.optional(),
  COGNITO_LOCAL_URL: urlSchema.optional(),
  // The user-pool API (InitiateAuth, RevokeToken…) when it is not the default: the regional AWS endpoint, or in
  // local mode COGNITO_LOCAL_URL. Tokens are still checked against the issuer derived above.
  COGNITO_API_ENDPOINT: urlSchema.optional(),
  // Every call to Cognito's API is aborted after this long (then sign-in says the service is unavailable).
  COGNITO_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(5000),
  NEXTAUTH_URL: urlSchema,
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters"),
  SESSION_PASSWORD: z.string().min(32, "must be at least 32 characters"),
  CERBOS_URL: urlSchema.default("http://127.0.0.1:3592"),
  CERBOS_TIMEOUT_MS: z.coerce.number().int().min(50).max(30_000).default(2000),
  // How many reverse proxies in front of the app append to X-Forwarded-For (0: clients connect to Next directly).
  TRUSTED_PROXY_COUNT: z.coerce.number().int().min(0).max(10).default(0),
  SIGNIN_ACCOUNT_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  SIGNIN_ADDRESS_MAX_FAILURES: z.coerce.number().int().min(1).max(100_000).default(100),
  SIGNIN_WINDOW_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  SIGNIN_MAX_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  // ASVS V7.3: 8 hours idle and 7 days absolute unless configured; at most 30 days idle, 90 days absolute.
  SESSION_IDLE_TIMEOUT_MINUTES: z.coerce.number().int().min(1).max(43_200).default(480),
  SESSION_ABSOLUTE_TIMEOUT_HOURS: z.coerce.number().int().min(1).max(2_160).default(168),
  BEARER_VERIFY_WITH_COGNITO: z.enum(["true", "false"], { error: 'must be "true" or "false"' }).default("false"),
  BEARER_COGNITO_CHECK_TTL_SECONDS: z.coerce.number().int().min(0).max(900).default(60),
});

export type RawEnv = z.infer<typeof rawEnvSchema>;

export type CognitoSettings = {
  mode: "aws" | "local";
  region: string;
  userPoolId: string;
  clientId: string;
  clientSecret: string;
  /** `iss` of every token the pool mints; next-auth discovers the Hosted UI from `${issuer}/.well-known/openid-configuration`. */
  issuer: string;
  jwksUri: string;
  /** Base URL of the Hosted UI (its `/logout` ends the Cognito session). */
  hostedUiUrl: string;
  /** User-pool API endpoint override; undefined means the AWS SDK's regional default. */
  apiEndpoint: string | undefined;
  /** Deadline of every user-pool API call (COGNITO_TIMEOUT_MS). */
  timeoutMs: number;
};

export type Env = RawEnv & {
  cognito: CognitoSettings;
  /** DATABASE_URL (PostgreSQL) or, without it, embedded PGlite in PGLITE_DATA_DIR (default .data/pglite). */
  database: DatabaseSettings;
  appUrl: URL;
  /** Sign-in throttling limits, from the SIGNIN_* variables. */
  signInLimits: SignInLimits;
  /** Cookies are Secure whenever the app is served over https (WebKit drops Secure cookies on http://localhost). */
  secureCookies: boolean;
  sessionTimeouts: { idleMs: number; absoluteMs: number };
  /** Opt-in: ask Cognito (GetUser) about every Bearer token, remembering its answer for `ttlMs`. */
  bearerCognitoCheck: { enabled: boolean; ttlMs: number };
};

export class EnvError extends Error {
  override name = "EnvError";
}

function fail(problems: string[]): never {
  throw new EnvError(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}\nSee .env.example.`);
}

function deriveCognito(raw: RawEnv, problems: string[]): CognitoSettings | undefined {
  const base = {
    userPoolId: raw.COGNITO_USER_POOL_ID,
    clientId: raw.COGNITO_CLIENT_ID,
    clientSecret: raw.COGNITO_CLIENT_SECRET,
    timeoutMs: raw.COGNITO_TIMEOUT_MS,
  };
  const apiEndpoint = raw.COGNITO_API_ENDPOINT;
  if (raw.COGNITO_MODE === "local") {
    const localUrl = raw.COGNITO_LOCAL_URL;
    if (!localUrl) return void problems.push("COGNITO_LOCAL_URL: required when COGNITO_MODE=local");
    if (!LOOPBACK_HOSTS.has(new URL(localUrl).hostname)) {
      // The stand-in signs with a key published in the cognito-local package: anyone can mint its tokens.
      return void problems.push("COGNITO_LOCAL_URL: the stand-in is only trusted on a loopback address");
    }
    if (apiEndpoint && !LOOPBACK_HOSTS.has(new URL(apiEndpoint).hostname)) {
      return void problems.push("COGNITO_API_ENDPOINT: in local mode it must be a loopback address, like the stand-in");
    }
    const issuer = `${localUrl}/${base.userPoolId}`;
    const jwksUri = `${issuer}/.well-known/jwks.json`;
    const region = raw.COGNITO_REGION ?? "local";
    return {
      ...base,
      mode: "local",
      region,
      issuer,
      jwksUri,
      hostedUiUrl: localUrl,
      apiEndpoint: apiEndpoint ?? localUrl,
    };
  }
  if (!raw.COGNITO_REGION) problems.push("COGNITO_REGION: required when COGNITO_MODE=aws");
  if (!raw.COGNITO_DOMAIN) problems.push("COGNITO_DOMAIN: required when COGNITO_MODE=aws (the Hosted UI domain)");
  else if (!raw.COGNITO_DOMAIN.startsWith("https://")) problems.push("COGNITO_DOMAIN: must be an https:// URL");
  if (apiEndpoint && !apiEndpoint.startsWith("https://"))
    problems.push("COGNITO_API_ENDPOINT: must be an https:// URL in aws mode");
  if (!raw.COGNITO_REGION || !raw.COGNITO_DOMAIN) return undefined;
  const issuer = `https://cognito-idp.${raw.COGNITO_REGION}.amazonaws.com/${base.userPoolId}`;
  const jwksUri = `${issuer}/.well-known/jwks.json`;
  return {
    ...base,
    mode: "aws",
    region: raw.COGNITO_REGION,
    issuer,
    jwksUri,
    hostedUiUrl: raw.COGNITO_DOMAIN,
    apiEndpoint,
  };
}

function checkProductionSecrets(raw: RawEnv, problems: string[]) {
  if (raw.NODE_ENV !== "production") return;
  for (const name of ["NEXTAUTH_SECRET", "SESSION_PASSWORD", "COGNITO_CLIENT_SECRET"] as const) {
    if (raw[name].includes(EXAMPLE_MARKER))
      problems.push(`${name}: still the example value from .env.example; generate a real secret`);
  }
  if (raw.NEXTAUTH_SECRET === raw.SESSION_PASSWORD) problems.push("SESSION_PASSWORD: must differ from NEXTAUTH_SECRET");
}

function sessionTimeouts(raw: RawEnv, problems: string[]): Env["sessionTimeouts"] {
  const idleMs = raw.SESSION_IDLE_TIMEOUT_MINUTES * 60_000;
  const absoluteMs = raw.SESSION_ABSOLUTE_TIMEOUT_HOURS * 3_600_000;
  if (idleMs > absoluteMs) {
    problems.push("SESSION_IDLE_TIMEOUT_MINUTES: must not be longer than SESSION_ABSOLUTE_TIMEOUT_HOURS");
  }
  return { idleMs, absoluteMs };
}

function parseDatabase(source: Record<string, string | undefined>, problems: string[]): DatabaseSettings | undefined {
  try {
    return databaseSettingsFromEnv(source);
  } catch (error) {
    if (!(error instanceof DatabaseSettingsError)) throw error;
    problems.push(error.message);
    return undefined;
  }
}

function signInLimitsOf(raw: RawEnv): SignInLimits {
  return {
    accountMaxFailures: raw.SIGNIN_ACCOUNT_MAX_FAILURES,
    addressMaxFailures: raw.SIGNIN_ADDRESS_MAX_FAILURES,
    windowMs: raw.SIGNIN_WINDOW_MINUTES * 60_000,
    maxLockMs: raw.SIGNIN_MAX_LOCK_MINUTES * 60_000,
  };
}

/** Pure: parses any environment-like record. Throws EnvError naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const blanksRemoved = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ""),
  );
  const parsed = rawEnvSchema.safeParse(blanksRemoved);
  if (!parsed.success) {
    fail(parsed.error.issues.map((issue) => `${issue.path.join(".") || "environment"}: ${issue.message}`));
  }
  const raw = parsed.data;
  const problems: string[] = [];
  const cognito = deriveCognito(raw, problems);
  checkProductionSecrets(raw, problems);
  const database = parseDatabase(source, problems);
  const timeouts = sessionTimeouts(raw, problems);
  if (!cognito || !database || problems.length > 0) fail(problems);
  const appUrl = new URL(raw.NEXTAUTH_URL);
  const signInLimits = signInLimitsOf(raw);
  const bearerCognitoCheck = {
    enabled: raw.BEARER_VERIFY_WITH_COGNITO === "true",
    ttlMs: raw.BEARER_COGNITO_CHECK_TTL_SECONDS * 1000,
  };
  const secureCookies = appUrl.protocol === "https:";
  return {
    ...raw,
    cognito,
    database,
    signInLimits,
    appUrl,
    secureCookies,
    sessionTimeouts: timeouts,
    bearerCognitoCheck,
  };
}

let cached: Env | undefined;

/** The validated environment of this process (parsed on first use, then reused). */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
