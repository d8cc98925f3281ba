// Teardown under deletion protection, and --write-env's refusal to overwrite, against a fresh stand-in.
import { readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { DescribeUserPoolDomainCommand, ListUserPoolsCommand } from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { envValues, isWrite, runCli, startFreshStandIn, type FreshStandIn } from "@/scripts/provision/testing";

const PORT = 9441;
let s: FreshStandIn;

beforeAll(async () => {
  s = await startFreshStandIn(PORT);
});
afterAll(async () => {
  await s?.stop();
});

const target = () => ["--endpoint", s.running.url, "--pool-name", "to-delete"];
const provisionArgs = () => [...target(), "--domain-prefix", "to-delete-auth", "--app-url", "https://a.example.com"];
const poolNames = async () =>
  ((await s.cognito.send(new ListUserPoolsCommand({ MaxResults: 60 }))).UserPools ?? []).map((p) => p.Name);

describe("--write-env", () => {
  it("refuses an existing file before changing anything, replaces it with --force", async () => {
    const file = path.join(s.dir, "existing.env");
    await writeFile(file, "KEEP=me\n");
    const before = s.calls.length;
    const refused = await runCli([...provisionArgs(), "--write-env", file]);
    expect(refused.code).toBe(1);
    expect(refused.err.join("\n")).toContain(`${file} exists: not overwritten (pass --force to replace it)`);
    expect(s.calls.slice(before)).toEqual([]);
    expect(await readFile(file, "utf8")).toBe("KEEP=me\n");

    const forced = await runCli([...provisionArgs(), "--write-env", file, "--force"]);
    expect(forced.code, forced.text).toBe(0);
    const written = envValues((await readFile(file, "utf8")).split("\n"));
    expect(written).toMatchObject({ COGNITO_MODE: "local", COGNITO_LOCAL_URL: s.running.url });
    expect(written.COGNITO_CLIENT_SECRET).toBeTruthy();
    expect(written.NEXTAUTH_SECRET?.length).toBeGreaterThanOrEqual(32);
    expect(written.SESSION_PASSWORD).not.toBe(written.NEXTAUTH_SECRET);
    expect((await stat(file)).mode & 0o077).toBe(0);
    // Written to the file, so not printed as well.
    expect(forced.text).not.toContain(written.COGNITO_CLIENT_SECRET);
  });
});

describe("--teardown", () => {
  it("asks for --yes, refuses under deletion protection, then deletes everything once it is turned off", async () => {
    expect(await poolNames()).toContain("to-delete");
    const before = s.calls.length;
    const unconfirmed = await runCli([...target(), "--teardown"]);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.out).toContain("Nothing deleted: add --yes to delete these.");

    const refused = await runCli([...target(), "--teardown", "--yes"]);
    expect(refused.code).toBe(1);
    expect(refused.text).toMatch(/deletion protection ACTIVE: nothing was deleted/);
    expect(refused.text).toContain("--teardown --yes --disable-deletion-protection --pool-name to-delete");
    expect(s.calls.slice(before).filter(isWrite)).toEqual([]);
    expect(await poolNames()).toContain("to-delete");

    const done = await runCli([...target(), "--teardown", "--yes", "--disable-deletion-protection"]);
    expect(done.code, done.text).toBe(0);
    expect(done.out).toEqual(
      expect.arrayContaining([
        "deleted domain to-delete-auth",
        expect.stringMatching(/^deleted app client contacts-web \(/),
        "deleted group admin",
        "deleted group user",
        expect.stringMatching(/^deleted user pool to-delete \(/),
      ]),
    );
    expect(await poolNames()).not.toContain("to-delete");
    const domain = await s.cognito.send(new DescribeUserPoolDomainCommand({ Domain: "to-delete-auth" }));
    expect(domain.DomainDescription).toEqual({});

    const again = await runCli([...target(), "--teardown", "--yes"]);
    expect(again.code).toBe(0);
    expect(again.out).toEqual(["No user pool named to-delete: nothing to delete."]);
  });
});
