// @ts-check

/**
 * Security headers for every response. The pages' Content-Security-Policy carries a per-request nonce, so proxy.ts
 * sets it; the API's JSON never needs to run or load anything.
 */
const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** @type {import("next").NextConfig} */
const nextConfig = {
  // Tests build into their own folder so they never replace the build a running demo serves.
  distDir: process.env.NEXT_DIST_DIR || ".next",
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
};

module.exports = nextConfig;
