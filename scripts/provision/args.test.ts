import { describe, expect, it } from "vitest";
import { DEFAULT_ENV_FILE, parseProvisionArgs, type ProvisionOptions, UsageError } from "@/scripts/provision/args";

const required = ["--app-url", "https://contacts.example.com", "--domain-prefix", "contacts-auth"];

function options(...argv: string[]): ProvisionOptions {
  const parsed = parseProvisionArgs(argv);
  if (parsed.kind !== "run") throw new Error("expected a run");
  return parsed.options;
}

function refused(argv: string[], message: RegExp): void {
  let error: unknown;
  try {
    parseProvisionArgs(argv);
  } catch (thrown) {
    error = thrown;
  }
  expect(error).toBeInstanceOf(UsageError);
  expect((error as Error).message).toMatch(message);
}

describe("parseProvisionArgs", () => {
  it("applies the defaults", () => {
    expect(options(...required)).toEqual({
      region: undefined,
      profile: undefined,
      endpoint: undefined,
      poolName: "contacts",
      clientName: "contacts-web",
      domainPrefix: "contacts-auth",
      appUrls: ["https://contacts.example.com"],
      selfSignUp: false,
      dryRun: false,
      writeEnv: undefined,
      force: false,
      teardown: false,
      yes: false,
      disableDeletionProtection: false,
      demoUsers: false,
    });
  });

  it("takes --app-url several times, as origins, without duplicates", () => {
    const urls = options(
      ...required,
      "--app-url",
      "http://localhost:3000/",
      "--app-url",
      "https://contacts.example.com",
    );
    expect(urls.appUrls).toEqual(["https://contacts.example.com", "http://localhost:3000"]);
  });

  it("fills in --write-env's default file when it stands alone or before another flag", () => {
    expect(options(...required, "--write-env").writeEnv).toBe(DEFAULT_ENV_FILE);
    expect(options("--write-env", "--demo-users", ...required).writeEnv).toBe(DEFAULT_ENV_FILE);
    expect(options(...required, "--write-env", "prod.env").writeEnv).toBe("prod.env");
  });

  it("refuses app URLs Cognito would refuse, or with a path", () => {
    refused(["--app-url", "http://contacts.example.com", "--domain-prefix", "a"], /must be https/);
    refused(["--app-url", "https://contacts.example.com/app", "--domain-prefix", "a"], /an origin, no path/);
    refused(["--app-url", "not a url", "--domain-prefix", "a"], /not a URL/);
  });

  it("refuses a malformed or reserved domain prefix", () => {
    refused(["--app-url", "https://a.example.com", "--domain-prefix", "Contacts"], /lowercase letters/);
    refused(["--app-url", "https://a.example.com", "--domain-prefix", "contacts-"], /lowercase letters/);
    refused(["--app-url", "https://a.example.com", "--domain-prefix", "my-cognito"], /"cognito"/);
  });

  it("needs an app URL and a prefix to provision, but not to tear down", () => {
    refused(["--domain-prefix", "a"], /--app-url is required/);
    refused(["--app-url", "https://a.example.com"], /--domain-prefix is required/);
    expect(options("--teardown", "--yes").teardown).toBe(true);
  });

  it("refuses flags that do not go together, and unknown flags", () => {
    refused(["--teardown", "--dry-run"], /cannot be combined/);
    refused([...required, "--yes"], /only apply to --teardown/);
    refused([...required, "--force"], /--force only applies to --write-env/);
    refused([...required, "--dry-run", "--write-env"], /--dry-run writes nothing/);
    refused([...required, "--colour"], /Unknown option '--colour'/);
    refused([...required, "--endpoint", "ftp://x"], /not an http\(s\) URL/);
    refused([...required, "--pool-name", "a/b"], /--pool-name a\/b/);
  });

  it("answers --help without checking anything else", () => {
    expect(parseProvisionArgs(["--help", "--yes"])).toEqual({ kind: "help" });
  });

  it("throws UsageError, which the CLI turns into exit code 2", () => {
    expect(() => parseProvisionArgs([])).toThrow(UsageError);
  });
});
