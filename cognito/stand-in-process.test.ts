import { execFile, spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { seed } from "@/cognito/seed";
import { startStandIn, type RunningStandIn } from "@/cognito/server";
import { exchangeCode, signIn, startSeeded, type TokenResponse } from "@/lib/testing/cognito-stand-in";

// The stand-in as a process: its state across restarts, its command line, and what it prints.
const PORT = 9404;
const RESTART_PORT = 9405;
const CLI_PORT = 9406;
const TSX = path.resolve("node_modules/.bin/tsx");
// The stand-in reads its settings through lib/env.ts, which is server-only: run it as the app's server code runs.
const REACT_SERVER = "--conditions=react-server";
const run = promisify(execFile);

describe("logging", () => {
  async function linesOf(options: { logRequests?: boolean }): Promise<string[]> {
    const stateDir = await mkdtemp(path.join(os.tmpdir(), "cognito-stand-in-"));
    const lines: string[] = [];
    const running = await startStandIn({ port: 0, stateDir, ...options, log: (line) => lines.push(line) });
    try {
      expect((await fetch(`${running.url}/health`)).status).toBe(200);
      const refused = await fetch(`${running.url}/`, {
        method: "POST",
        headers: {
          "content-type": "application/x-amz-json-1.1",
          "x-amz-target": "AWSCognitoIdentityProviderService.AdminGetUser",
        },
        body: JSON.stringify({ UserPoolId: "local_missing", Username: "nobody@example.com" }),
      });
      expect(refused.status).toBe(400);
      await refused.body?.cancel();
      return lines;
    } finally {
      await running.close();
      await rm(stateDir, { recursive: true, force: true });
    }
  }

  it("prints no line per request (not even an expected 400) unless COGNITO_DEBUG asks for them", async () => {
    expect(await linesOf({})).toEqual([]);
    const debug = await linesOf({ logRequests: true });
    expect(debug).toContainEqual(expect.stringMatching(/^\[cognito-local\] GET \/health 200 \d+ms$/));
    expect(debug).toContainEqual(expect.stringMatching(/^\[cognito-local\] POST \/ AdminGetUser 400 \d+ms$/));
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
  it("starts with `tsx --conditions=react-server cognito/server.ts`, seeds with cognito/seed.ts, stops on SIGTERM", async () => {
    const stateDir = await mkdtemp(path.join(os.tmpdir(), "cognito-stand-in-cli-"));
    const env = { ...process.env, COGNITO_LOCAL_PORT: String(CLI_PORT), COGNITO_LOCAL_STATE_DIR: stateDir };
    const server = spawn(TSX, [REACT_SERVER, "cognito/server.ts"], { env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    server.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    server.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => server.on("exit", (code) => resolve(code)));
    try {
      await waitForHealth(`http://127.0.0.1:${CLI_PORT}`, server);
      const seeded = await run(TSX, [REACT_SERVER, "cognito/seed.ts"], { env });
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
