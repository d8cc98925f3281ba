import { parseArgs } from "node:util";

/** What one run of `npm run cognito:provision` was asked to do. Pure: built from argv alone. */
export type ProvisionOptions = {
  region: string | undefined;
  profile: string | undefined;
  /** The user-pool API endpoint (the stand-in, a VPC endpoint); undefined: AWS's regional endpoint. */
  endpoint: string | undefined;
  poolName: string;
  clientName: string;
  domainPrefix: string | undefined;
  /** App origins without a trailing slash; callback and sign-out URLs are registered for each. */
  appUrls: string[];
  selfSignUp: boolean;
  dryRun: boolean;
  /** Where to write the app's environment; undefined: print it only. */
  writeEnv: string | undefined;
  force: boolean;
  teardown: boolean;
  yes: boolean;
  disableDeletionProtection: boolean;
  demoUsers: boolean;
};

export type ParsedArgs = { kind: "help" } | { kind: "run"; options: ProvisionOptions };

export class UsageError extends Error {
  override name = "UsageError";
}

export const DEFAULT_ENV_FILE = ".env.local";
export const DEFAULT_POOL_NAME = "contacts";
export const DEFAULT_CLIENT_NAME = "contacts-web";

export const USAGE = `Usage: npm run cognito:provision -- [options]

Creates or updates, by name, the Cognito user pool, groups, app client and Hosted UI domain the app needs.

  --app-url <url>          the app's public origin (repeat for several); https, or http://localhost
  --domain-prefix <prefix> Hosted UI domain: https://<prefix>.auth.<region>.amazoncognito.com
  --region <region>        AWS region (default: the SDK's, e.g. AWS_REGION or the profile's)
  --profile <name>         a profile of ~/.aws/config (default: the SDK's default credentials)
  --endpoint <url>         the user-pool API endpoint (e.g. the local stand-in, http://127.0.0.1:9229)
  --pool-name <name>       default ${DEFAULT_POOL_NAME}
  --client-name <name>     default ${DEFAULT_CLIENT_NAME}
  --self-sign-up           let visitors create their own accounts (default: only administrators create users)
  --demo-users             also create the demo users of cognito/seed.json, with generated passwords shown once
  --dry-run                print the plan (create / update / unchanged), change nothing
  --write-env [file]       write the app's variables to a file (default ${DEFAULT_ENV_FILE}); never over one
  --force                  with --write-env: replace an existing file
  --teardown --yes         delete the domain, app client, groups and user pool of --pool-name
  --disable-deletion-protection  with --teardown: turn deletion protection off first
  -h, --help`;

const OPTIONS = {
  "app-url": { type: "string", multiple: true },
  "domain-prefix": { type: "string" },
  region: { type: "string" },
  profile: { type: "string" },
  endpoint: { type: "string" },
  "pool-name": { type: "string" },
  "client-name": { type: "string" },
  "self-sign-up": { type: "boolean" },
  "demo-users": { type: "boolean" },
  "dry-run": { type: "boolean" },
  "write-env": { type: "string" },
  force: { type: "boolean" },
  teardown: { type: "boolean" },
  yes: { type: "boolean" },
  "disable-deletion-protection": { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

// Cognito's pattern for a prefix domain, and the words it reserves in one.
const PREFIX_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const RESERVED_WORDS = ["aws", "amazon", "cognito"];
const NAME_PATTERN = /^[\w\s+=,.@-]{1,128}$/;

/** `--write-env` may stand alone: parseArgs has no optional values, so the default is filled in first. */
function withEnvFileDefault(argv: readonly string[]): string[] {
  return argv.flatMap((arg, index) => {
    const next = argv[index + 1];
    return arg === "--write-env" && (next === undefined || next.startsWith("--")) ? [arg, DEFAULT_ENV_FILE] : [arg];
  });
}

/** Cognito accepts https callback URLs, and http only for localhost. */
function appUrl(value: string): string {
  if (!URL.canParse(value)) throw new UsageError(`--app-url ${value}: not a URL`);
  const url = new URL(value);
  const local = url.protocol === "http:" && url.hostname === "localhost";
  if (url.protocol !== "https:" && !local)
    throw new UsageError(`--app-url ${value}: must be https (or http://localhost)`);
  if (url.pathname !== "/" || url.search || url.hash) throw new UsageError(`--app-url ${value}: an origin, no path`);
  return url.origin;
}

function domainPrefix(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!PREFIX_PATTERN.test(value)) {
    throw new UsageError(`--domain-prefix ${value}: lowercase letters, digits and inner hyphens, at most 63`);
  }
  const reserved = RESERVED_WORDS.find((word) => value.includes(word));
  if (reserved) throw new UsageError(`--domain-prefix ${value}: Cognito does not allow "${reserved}" in a prefix`);
  return value;
}

function resourceName(flag: string, value: string | undefined, fallback: string): string {
  const name = value ?? fallback;
  if (!NAME_PATTERN.test(name)) throw new UsageError(`--${flag} ${name}: 1 to 128 letters, digits, spaces or +=,.@-_`);
  return name;
}

function endpoint(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) {
    throw new UsageError(`--endpoint ${value}: not an http(s) URL`);
  }
  return value.replace(/\/+$/, "");
}

function checkCombinations(options: ProvisionOptions): void {
  if (options.teardown) {
    if (options.dryRun || options.writeEnv || options.demoUsers) {
      throw new UsageError("--teardown cannot be combined with --dry-run, --write-env or --demo-users");
    }
    return;
  }
  if (options.yes || options.disableDeletionProtection) {
    throw new UsageError("--yes and --disable-deletion-protection only apply to --teardown");
  }
  if (options.appUrls.length === 0) throw new UsageError("--app-url is required (the app's public origin)");
  if (!options.domainPrefix) throw new UsageError("--domain-prefix is required (the Hosted UI domain)");
  if (options.force && !options.writeEnv) throw new UsageError("--force only applies to --write-env");
  if (options.dryRun && options.writeEnv) throw new UsageError("--dry-run writes nothing: drop --write-env");
}

/** Throws UsageError naming the bad flag. */
export function parseProvisionArgs(argv: readonly string[]): ParsedArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: withEnvFileDefault(argv),
      options: OPTIONS,
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return { kind: "help" };
  const options: ProvisionOptions = {
    region: values.region,
    profile: values.profile,
    endpoint: endpoint(values.endpoint),
    poolName: resourceName("pool-name", values["pool-name"], DEFAULT_POOL_NAME),
    clientName: resourceName("client-name", values["client-name"], DEFAULT_CLIENT_NAME),
    domainPrefix: domainPrefix(values["domain-prefix"]),
    appUrls: [...new Set((values["app-url"] ?? []).map(appUrl))],
    selfSignUp: values["self-sign-up"] ?? false,
    dryRun: values["dry-run"] ?? false,
    writeEnv: values["write-env"],
    force: values.force ?? false,
    teardown: values.teardown ?? false,
    yes: values.yes ?? false,
    disableDeletionProtection: values["disable-deletion-protection"] ?? false,
    demoUsers: values["demo-users"] ?? false,
  };
  checkCombinations(options);
  return { kind: "run", options };
}
