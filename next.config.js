// @ts-check

/**
 * Security headers for every response. Next's own inline bootstrap scripts need 'unsafe-inline' without a
 * nonce; a nonce would need proxy.ts to rewrite headers, and proxy.ts only redirects here.
 * form-action must also allow the Hosted UI origin: sign-out is a form POST that redirects to Cognito's /logout,
 * and browsers apply form-action to that redirect.
 */
function hostedUiOrigin() {
  const url = process.env.COGNITO_MODE === "local" ? process.env.COGNITO_LOCAL_URL : process.env.COGNITO_DOMAIN;
  try {
    return url ? new URL(url).origin : "";
  } catch {
    return "";
  }
}

const isDev = process.env.NODE_ENV !== "production";

function contentSecurityPolicy() {
  const formAction = hostedUiOrigin();
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    formAction ? `form-action 'self' ${formAction}` : "",
  ]
    .filter(Boolean)
    .join("; ");
}

/** @type {import("next").NextConfig} */
const nextConfig = {
  // Tests build into their own folder so they never replace the build a running demo serves.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // `npm test` type-checks the whole project with tsc; building again per dist folder would also rewrite tsconfig.
  typescript: { ignoreBuildErrors: true },
  reactStrictMode: true,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Content-Security-Policy", value: contentSecurityPolicy() },
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
