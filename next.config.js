// @ts-check

/**
 * Security headers for every response. The pages' Content-Security-Policy carries a per-request nonce, so proxy.ts
 * sets it; the API's JSON never needs to run or load anything.
 */
const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * `npm run bench` only: its baseline build swaps the three modules that ask Cerbos for allow-all ones (everything else
 * identical) and always goes to its own folder, so a normal build never contains them and nothing at run time can
 * switch them on. scripts/bench/ checks the built chunks and the answers before measuring.
 */
/** next/constants' PHASE_PRODUCTION_BUILD (the lint forbids require() here, and this file stays CommonJS). */
const PHASE_PRODUCTION_BUILD = "phase-production-build";
const BENCH_BASELINE = process.env.BENCH_BASELINE_BUILD === "1";
const BENCH_BASELINE_DIST_DIR = ".next-bench-baseline";
const BENCH_BASELINE_ALIASES = {
  "@/lib/authz/plan-contacts": "./scripts/bench/baseline/plan-contacts.ts",
  "@/lib/authz/check-contacts": "./scripts/bench/baseline/check-contacts.ts",
  "@/lib/authz/check-contact-action": "./scripts/bench/baseline/check-contact-action.ts",
};

/**
 * `output: "standalone"` traces only code; these files are read at run time. The migrations run at start-up
 * (lib/db/migrate.ts), and the decision caches fingerprint the policies (lib/authz/policy-fingerprint.ts: without
 * them they stay off). Every route, since any of them may be the first to open the database.
 */
const RUNTIME_FILES = ["./lib/db/migrations/**/*", "./cerbos/policies/**/*.yaml"];

/** @param {string} phase */
function distDirFor(phase) {
  const requested = process.env.NEXT_DIST_DIR || ".next";
  if (BENCH_BASELINE) {
    if (phase !== PHASE_PRODUCTION_BUILD) throw new Error("BENCH_BASELINE_BUILD=1 is for `next build` only");
    return BENCH_BASELINE_DIST_DIR;
  }
  if (phase === PHASE_PRODUCTION_BUILD && requested === BENCH_BASELINE_DIST_DIR) {
    throw new Error(`${BENCH_BASELINE_DIST_DIR} holds only the benchmark's baseline build (BENCH_BASELINE_BUILD=1)`);
  }
  return requested;
}

/**
 * @param {string} phase
 * @returns {import("next").NextConfig}
 */
const nextConfig = (phase) => ({
  // Tests build into their own folder so they never replace the build a running demo serves.
  distDir: distDirFor(phase),
  ...(BENCH_BASELINE ? { turbopack: { resolveAlias: BENCH_BASELINE_ALIASES } } : {}),
  // A self-contained server in <distDir>/standalone (Docker, any Node host); `next start` still serves the build.
  output: "standalone",
  outputFileTracingIncludes: { "/**": RUNTIME_FILES },
  poweredByHeader: false,
  reactStrictMode: true,
  // forbidden() and forbidden.tsx: a signed-in user refused a page gets a real 403 with a way back.
  experimental: { authInterrupts: true },
  // Next rewrites a proxy redirect whose host equals the one it thinks it serves (its listening address, often
  // localhost) into a relative one, which would send a visitor on 127.0.0.1 back to 127.0.0.1 forever. The option
  // also skips the Pages Router's /_next/data and i18n handling, which this App Router app does not use.
  skipProxyUrlNormalize: true,
  async headers() {
    return [
      {
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: API_CSP }],
      },
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
});

module.exports = nextConfig;
