import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const isCI = Boolean(process.env.CI);
const APP_URL = "http://localhost:3100";

/**
 * Playwright's own browser download is not available offline: prefer Debian's chromium.
 * An explicit PLAYWRIGHT_CHROMIUM_PATH wins; without either, Playwright falls back to its bundled browser.
 */
const chromiumPath =
  process.env.PLAYWRIGHT_CHROMIUM_PATH || (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: chromiumPath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  },
};

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results",
  fullyParallel: true,
  forbidOnly: isCI,
  retries: isCI ? 1 : 0,
  // The machine has two cores and the app, the stand-in and the PDP share them with the browsers.
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: isCI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: APP_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts$/, use: chromium },
    {
      name: "chromium",
      testMatch: /\.spec\.ts$/,
      testIgnore: /(disruptive|scale-out)\//,
      dependencies: ["setup"],
      use: chromium,
    },
    {
      // Tests that change state every other test depends on (the PDP, the app client's token validity):
      // they run alone, after everything else.
      name: "disruptive",
      testMatch: /disruptive\/.*\.spec\.ts$/,
      dependencies: ["chromium"],
      fullyParallel: false,
      workers: 1,
      use: chromium,
    },
    {
      // Two more instances of the production build behind nginx, sharing one PostgreSQL: after the disruptive
      // specs (which stop and restart the PDP they share), alone.
      name: "scale-out",
      testMatch: /scale-out\/.*\.spec\.ts$/,
      dependencies: ["disruptive"],
      fullyParallel: false,
      workers: 1,
      use: chromium,
    },
  ],
  webServer: {
    // Not the tsx CLI: it relays a signal to its child and SIGKILLs it if the child does not acknowledge within
    // 30 ms, which can cut the stack's shutdown short and orphan its children. `node --import tsx` is one process.
    // react-server resolves `server-only` to its empty module (lib/env.ts, which the stand-in's seed reads).
    command: "node --conditions=react-server --import tsx scripts/stack/index.ts e2e",
    url: `${APP_URL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    // Without this Playwright SIGKILLs the group and the stack's children (in their own groups) would outlive it.
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
  },
});
