import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const relativeImports = { group: ["./*", "../*"], message: "Import project modules as @/path." };
const testSupport = {
  group: ["@/lib/testing/*", "@/e2e/*", "@/scripts/*"],
  message: "Test support and tooling are for tests and scripts only; production code never imports them.",
};

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: [
      ".next*/**",
      ".cognito/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    rules: {
      // One import style: project modules by their path from the root, whoever imports them.
      "no-restricted-imports": ["error", { patterns: [relativeImports] }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through getEnv() from lib/env.ts." },
      ],
    },
  },
  {
    // What ships (the app and the stand-in) never reaches into test support, the e2e suite or the scripts.
    files: ["app/**", "lib/**", "cognito/**", "proxy.ts", "instrumentation.ts"],
    ignores: ["**/*.test.ts", "lib/testing/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [relativeImports, testSupport] }] },
  },
  {
    // Everything that ships (the app, the proxy, the stand-in) reads the environment through lib/env.ts; only the
    // config files, the local stack and the tests read it directly.
    files: [
      "lib/env.ts",
      "next.config.js",
      "playwright.config.ts",
      "vitest.config.mts",
      "scripts/**",
      "e2e/**",
      "**/*.test.ts",
      "lib/testing/**",
    ],
    rules: { "no-restricted-properties": "off" },
  },
  {
    // process.env.NEXT_RUNTIME is a build-time constant Next substitutes per bundle, not configuration: only the
    // literal lets the Edge bundle drop the Node.js start-up code (see the file).
    files: ["instrumentation.ts"],
    rules: { "no-restricted-properties": "off" },
  },
];

export default config;
