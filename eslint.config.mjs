import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

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
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["./*", "../*"], message: "Import project modules as @/path." }] },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through getEnv() from lib/env.ts." },
      ],
    },
  },
  {
    // Config, the local stack, tests and start-up read the environment directly by design.
    files: [
      "lib/env.ts",
      "next.config.js",
      "instrumentation.ts",
      "playwright.config.ts",
      "cognito/**",
      "e2e/**",
      "**/*.test.ts",
      "lib/authz/testing/**",
      "lib/contacts/bench-list.ts",
    ],
    rules: { "no-restricted-properties": "off" },
  },
];

export default config;
