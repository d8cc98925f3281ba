import "server-only";
import { z } from "zod";
import type { SignInLimits } from "@/lib/auth/sign-in/throttle-policy";
import { sessionTimeouts, signInLimitsOf } from "@/lib/env-limits";
import { type SeedOwnerSource, seedOwnerSourceFromEnv } from "@/lib/db/seed-owner-source";
import { type DatabaseSettings, DatabaseSettingsError, databaseSettingsFromEnv } from "@/lib/db/settings";
import { type CognitoSettings, deriveCognito } from "@/lib/env-cognito";
import { parseStandInSettings, type StandInSettings } from "@/lib/env-stand-in";
import { type ProxySettings, proxySettingsFrom } from "@/lib/http/proxy-settings";
import { trustRequestIdSchema } from "@/lib/http/request-id";
import { logEnvShape, type LogSettings, logSettingsFrom } from "@/lib/log/log-settings";

export type { CognitoSettings } from "@/lib/env-cognito";

/**
 * The environment, validated once, and the only module that reads `process.env`. The app takes getEnv(); the
 * proxy, the database CLIs and the Cognito stand-in each take a small reader below with only what they need, parsed
 * by the same pure functions (Cognito modes and their trust rules: lib/env-cognito.ts).
 */

const EXAMPLE_MARKER = "change-me";

const urlSchema = z.url({ protocol: /^https?$/ }).transform((value) => value.replace(/\/+$/, ""));

/** A whole number within bounds, coerced from its string; `fallback` when unset. */
const wholeNumber = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const rawEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  COGNITO_MODE: z.enum(["aws", "local"], { error: 'must be "aws" or "local"' }),
  COGNITO_REGION: z.optional(z.string().regex(/^[a-z0-9-]+$/, "must look like us-east-1")),
  COGNITO_USER_POOL_ID: z.string().regex(/^[\w-]+_[0-9a-zA-Z]+$/, "must look like us-east-1_AbC123"),
  COGNITO_CLIENT_ID: z.string().min(1),
  COGNITO_CLIENT_SECRET: z.string().min(1),
  COGNITO_DOMAIN: urlSchema.optional(),
  COGNITO_LOCAL_URL: urlSchema.optional(),
  // The user-pool API (InitiateAuth, RevokeToken…) when it is not the default: the regional AWS endpoint, or in
  // local mode COGNITO_LOCAL_URL. Tokens are still checked against the issuer derived above.
  COGNITO_API_ENDPOINT: urlSchema.optional(),
  // Every call to Cognito's API is aborted after this long (then sign-in says the service is unavailable).
  COGNITO_TIMEOUT_MS: wholeNumber(100, 30_000, 5000),
  NEXTAUTH_URL: urlSchema,
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters"),
  SESSION_PASSWORD: z.string().min(32, "must be at least 32 characters"),
  CERBOS_URL: urlSchema.default("http://127.0.0.1:3592"),
  CERBOS_TIMEOUT_MS: wholeNumber(50, 30_000, 2000),
  // Decision caches (lib/authz/decision-cache.ts): how long a plan or decision is reused (0: off) and how many.
  CERBOS_CACHE_TTL_MS: wholeNumber(0, 30_000, 10_000),
  CERBOS_CACHE_MAX_ENTRIES: wholeNumber(1, 1_000_000, 10_000),
  CERBOS_POLICY_DIR: z.string().min(1).default("cerbos/policies"),
  // How many reverse proxies in front of the app append to X-Forwarded-For (0: clients connect to Next directly).
  TRUSTED_PROXY_COUNT: wholeNumber(0, 10, 0),
  SIGNIN_ACCOUNT_MAX_FAILURES: wholeNumber(1, 100, 5),
  SIGNIN_ADDRESS_MAX_FAILURES: wholeNumber(1, 100_000, 100),
  SIGNIN_WINDOW_MINUTES: wholeNumber(1, 24 * 60, 15),
  SIGNIN_MAX_LOCK_MINUTES: wholeNumber(1, 24 * 60, 15),
  // ASVS V7.3: 8 hours idle and 7 days absolute unless configured; at most 30 days idle, 90 days absolute.
  SESSION_IDLE_TIMEOUT_MINUTES: wholeNumber(1, 43_200, 480),
  SESSION_ABSOLUTE_TIMEOUT_HOURS: wholeNumber(1, 2_160, 168),
  BEARER_VERIFY_WITH_COGNITO: z.enum(["true", "false"], { error: 'must be "true" or "false"' }).default("false"),
  BEARER_COGNITO_CHECK_TTL_SECONDS: wholeNumber(0, 900, 60),
  // Logs, request ids and the PDP's decision log: lib/log/, lib/http/request-id.ts, lib/audit/.
  ...logEnvShape,
  TRUST_PROXY_REQUEST_ID: trustRequestIdSchema,
  CERBOS_AUDIT_LOG_PATH: z.string().min(1).optional(),
});

export type RawEnv = z.infer<typeof rawEnvSchema>;

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

function checkProductionSecrets(raw: RawEnv, problems: string[]) {
  if (raw.NODE_ENV !== "production") return;
  for (const name of ["NEXTAUTH_SECRET", "SESSION_PASSWORD", "COGNITO_CLIENT_SECRET"] as const) {
    if (raw[name].includes(EXAMPLE_MARKER))
      problems.push(`${name}: still the example value from .env.example; generate a real secret`);
  }
  if (raw.NEXTAUTH_SECRET === raw.SESSION_PASSWORD) problems.push("SESSION_PASSWORD: must differ from NEXTAUTH_SECRET");
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

let cachedProxy: ProxySettings | undefined;

/**
 * What proxy.ts needs: the canonical origin and the Hosted UI origin. Not getEnv(): the proxy has no use for the
 * secrets, and instrumentation.ts has already stopped a server whose environment getEnv() refuses.
 */
export function getProxySettings(): ProxySettings {
  cachedProxy ??= proxySettingsFrom(process.env);
  return cachedProxy;
}

/** What lib/log/logger.ts needs; the same variables getEnv() validates at start-up. */
export function getLogSettings(): LogSettings {
  return logSettingsFrom(process.env);
}

/** The database of this process (DATABASE_URL or PGlite): getDb() and the database CLIs (migrate, seed). */
export function getDatabaseSettings(): DatabaseSettings {
  return databaseSettingsFromEnv(process.env);
}

/** `npm run db:seed`: SEED_OWNERS, or the stand-in named by COGNITO_LOCAL_URL and COGNITO_USER_POOL_ID. */
export function getSeedOwnerSource(): SeedOwnerSource {
  return seedOwnerSourceFromEnv(process.env);
}

/** The Cognito stand-in's process (cognito/server.ts, cognito/seed.ts): port, state folder, debug logging. */
export function getStandInSettings(): StandInSettings {
  return parseStandInSettings(process.env);
}

/**
 * The stand-in's processes, before cognito-local (aws-sdk v2) is first required: without these the SDKs print an
 * end-of-support notice (v2) and a "future releases need Node 22" warning (v3) on every start. Defaults only.
 */
export function quietAwsSdkNotices(): void {
  process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE ??= "1";
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
}
