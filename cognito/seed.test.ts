import { execFile, spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import {
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  DescribeUserPoolClientCommand,
  ListGroupsCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  ListUsersCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCognitoClient, demoUsers, seed } from "@/cognito/seed";
import { startStandIn, type RunningStandIn } from "@/cognito/server";
import { exchangeCode, signIn, startSeeded, type Harness, type TokenResponse } from "@/lib/testing/cognito-stand-in";

const PORT = 9404;
const RESTART_PORT = 9405;
const CLI_PORT = 9406;
const TSX = path.resolve("node_modules/.bin/tsx");
const run = promisify(execFile);

describe("seed", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startSeeded(PORT);
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("exports the demo users of seed.json", () => {
    expect(demoUsers.map((user) => [user.email, user.group])).toEqual([
      ["admin@example.com", "admin"],
      ["alice@example.com", "user"],
      ["bob@example.com", "user"],
      ["nora@example.com", null],
      ["newbie@example.com", null],
    ]);
    expect(demoUsers.find((user) => user.email === "newbie@example.com")).toMatchObject({
      temporary: true,
      password: "Temp#Pass1",
    });
  });

  it("is idempotent: a second run finds everything and creates nothing", async () => {
    const created: string[] = [];
    const again = await seed({ endpoint: h.url, stateDir: h.stateDir, log: (line) => created.push(line) });
    expect(created).toEqual([]);
    expect(again).toMatchObject({ userPoolId: h.userPoolId, clientId: h.clientId, clientSecret: h.clientSecret });
    const cognito = createCognitoClient(h.url);
    try {
      const pools = await cognito.send(new ListUserPoolsCommand({ MaxResults: 60 }));
      expect(pools.UserPools?.filter((pool) => pool.Name === "contacts-demo")).toHaveLength(1);
      const clients = await cognito.send(new ListUserPoolClientsCommand({ UserPoolId: h.userPoolId, MaxResults: 60 }));
      expect(clients.UserPoolClients).toHaveLength(1);
      const groups = await cognito.send(new ListGroupsCommand({ UserPoolId: h.userPoolId }));
      expect(groups.Groups?.map((group) => group.GroupName).sort()).toEqual(["admin", "user"]);
      const users = await cognito.send(new ListUsersCommand({ UserPoolId: h.userPoolId }));
      expect(users.Users).toHaveLength(5);
    } finally {
      cognito.destroy();
    }
  });

  it("creates users with verified emails, their groups and the right password state", async () => {
    const cognito = createCognitoClient(h.url);
    try {
      for (const user of demoUsers) {
        const ids = { UserPoolId: h.userPoolId, Username: user.email };
        const found = await cognito.send(new AdminGetUserCommand(ids));
        expect(found.UserStatus).toBe(user.temporary ? "FORCE_CHANGE_PASSWORD" : "CONFIRMED");
        expect(found.UserAttributes).toEqual(
          expect.arrayContaining([
            { Name: "email_verified", Value: "true" },
            { Name: "email", Value: user.email },
          ]),
        );
        const groups = await cognito.send(new AdminListGroupsForUserCommand(ids));
        expect(groups.Groups?.map((group) => group.GroupName)).toEqual(user.group ? [user.group] : []);
      }
    } finally {
      cognito.destroy();
    }
  });

  it("configures the app client for the code flow on ports 3000 and 3100", async () => {
    const cognito = createCognitoClient(h.url);
    try {
      const { UserPoolClient: client } = await cognito.send(
        new DescribeUserPoolClientCommand({ UserPoolId: h.userPoolId, ClientId: h.clientId }),
      );
      expect(client).toMatchObject({
        ClientName: "contacts-web",
        ClientSecret: h.clientSecret,
        AllowedOAuthFlows: ["code"],
        AllowedOAuthScopes: ["openid", "email", "profile", "aws.cognito.signin.user.admin"],
        AccessTokenValidity: 60,
        IdTokenValidity: 60,
        RefreshTokenValidity: 30,
        TokenValidityUnits: { AccessToken: "minutes", IdToken: "minutes", RefreshToken: "days" },
      });
      expect(client?.ExplicitAuthFlows).toEqual(
        expect.arrayContaining(["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]),
      );
      expect(client?.CallbackURLs).toEqual([
        "http://localhost:3000/api/auth/callback/cognito",
        "http://localhost:3100/api/auth/callback/cognito",
      ]);
      expect(client?.LogoutURLs).toEqual([
        "http://localhost:3000/sign-in?signedOut=1",
        "http://localhost:3100/sign-in?signedOut=1",
      ]);
    } finally {
      cognito.destroy();
    }
  });

  it("writes local.env with the ids, the secret and the stand-in URL, readable by the owner only", async () => {
    const text = await readFile(h.envFile, "utf8");
    expect(h.envFile).toBe(path.join(h.stateDir, "local.env"));
    expect(text).toMatch(/^# /);
    expect(text).toContain(`COGNITO_USER_POOL_ID=${h.userPoolId}\n`);
    expect(text).toContain(`COGNITO_CLIENT_ID=${h.clientId}\n`);
    expect(text).toContain(`COGNITO_CLIENT_SECRET=${h.clientSecret}\n`);
    expect(text).toContain(`COGNITO_LOCAL_URL=http://127.0.0.1:${PORT}\n`);
    expect((await stat(h.envFile)).mode & 0o777).toBe(0o600);
  });
});

describe("restart", () => {
  it("keeps pools and users in the state dir and issues tokens for the new port", async () => {
    const first = await startSeeded(PORT + 10);
    await first.running.close();
    let second: RunningStandIn | undefined;
    try {
      second = await startStandIn({ port: RESTART_PORT, stateDir: first.stateDir, log: () => undefined });
      const reseeded = await seed({ endpoint: second.url, stateDir: first.stateDir });
      expect(reseeded).toMatchObject({
        userPoolId: first.userPoolId,
        clientId: first.clientId,
        clientSecret: first.clientSecret,
      });
      const h2 = {
        ...reseeded,
        running: second,
        url: second.url,
        stateDir: first.stateDir,
        stop: async () => undefined,
      };
      const { code, verifier } = await signIn(h2, "alice@example.com", "Alice#Pass1");
      const tokens = (await (await exchangeCode(h2, code, verifier)).json()) as TokenResponse;
      const iss = JSON.parse(Buffer.from(tokens.id_token.split(".")[1] ?? "", "base64url").toString()).iss;
      expect(iss).toBe(`http://127.0.0.1:${RESTART_PORT}/${first.userPoolId}`);
    } finally {
      await second?.close();
      await rm(first.stateDir, { recursive: true, force: true });
    }
  });

  it("can pick a free port when given port 0", async () => {
    const stateDir = await mkdtemp(path.join(os.tmpdir(), "cognito-stand-in-"));
    const running = await startStandIn({ port: 0, stateDir, log: () => undefined });
    try {
      expect(running.port).toBeGreaterThan(0);
      expect(running.url).toBe(`http://127.0.0.1:${running.port}`);
      expect((await fetch(`${running.url}/health`)).status).toBe(200);
    } finally {
      await running.close();
      await rm(stateDir, { recursive: true, force: true });
    }
  });
});

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("server never became healthy");
}

describe("command line", () => {
  it("starts with `tsx cognito/server.ts`, seeds with `tsx cognito/seed.ts`, stops on SIGTERM", async () => {
    const stateDir = await mkdtemp(path.join(os.tmpdir(), "cognito-stand-in-cli-"));
    const env = { ...process.env, COGNITO_LOCAL_PORT: String(CLI_PORT), COGNITO_LOCAL_STATE_DIR: stateDir };
    const server = spawn(TSX, ["cognito/server.ts"], { env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    server.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    server.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => server.on("exit", (code) => resolve(code)));
    try {
      await waitForHealth(`http://127.0.0.1:${CLI_PORT}`, server);
      const seeded = await run(TSX, ["cognito/seed.ts"], { env });
      const envText = await readFile(path.join(stateDir, "local.env"), "utf8");
      const secret = /COGNITO_CLIENT_SECRET=(\S+)/.exec(envText)?.[1] ?? "";
      expect(secret.length).toBeGreaterThan(10);
      expect(seeded.stdout).toMatch(/user pool id: local_\w+/);
      expect(seeded.stdout).not.toContain(secret);
      expect(seeded.stderr).not.toMatch(/Warning|NOTE/);
      expect(output).toContain(`listening on http://127.0.0.1:${CLI_PORT}`);
      expect(output).not.toContain(secret);
    } finally {
      server.kill("SIGTERM");
      expect(await exited).toBe(0);
      await rm(stateDir, { recursive: true, force: true });
    }
  });

  it("cognito:reset deletes the .cognito folder of the working directory", async () => {
    const cwd = await mkdtemp(path.join(os.tmpdir(), "cognito-reset-"));
    await mkdir(path.join(cwd, ".cognito", "demo", "db"), { recursive: true });
    await writeFile(path.join(cwd, ".cognito", "demo", "local.env"), "X=1\n");
    try {
      const result = await run(TSX, [path.resolve("cognito/reset.ts")], { cwd });
      expect(result.stdout).toContain("deleted");
      expect(existsSync(path.join(cwd, ".cognito"))).toBe(false);
      const again = await run(TSX, [path.resolve("cognito/reset.ts")], { cwd });
      expect(again.stdout).toContain("nothing to delete");
    } finally {
      await rm(cwd, { recursive: true, force: true });
    }
  });
});
