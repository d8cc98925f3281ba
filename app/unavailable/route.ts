import { safeReturnPath } from "@/lib/auth/return-to";
import { RETRY_AFTER_SECONDS } from "@/lib/api/errors";
import { nonceOf } from "@/lib/http/content-security-policy";
import { pageTitle } from "@/lib/site";

export const dynamic = "force-dynamic";

const REASONS = {
  cerbos: {
    title: "Authorization is unavailable",
    detail:
      "The service that decides what you may do (Cerbos) is not answering, so nothing can be shown. Nothing was changed.",
  },
  database: {
    title: "The database is unavailable",
    detail: "Contacts cannot be loaded or saved right now. Nothing was changed.",
  },
  audit: {
    title: "The audit log is unavailable",
    detail: "The authorization service's decision log cannot be read right now. Nothing was changed.",
  },
  cognito: {
    title: "Cognito is unavailable",
    detail: "Cognito is not answering, so your session or the user pool cannot be read right now. Nothing was changed.",
  },
} as const;

/** Tailwind's default sans-serif stack, which every other page of the app uses (globals.css sets no other). */
const APP_FONT = [
  "ui-sans-serif",
  "system-ui",
  "sans-serif",
  '"Apple Color Emoji"',
  '"Segoe UI Emoji"',
  '"Segoe UI Symbol"',
  '"Noto Color Emoji"',
].join(",");

/** The app's look (globals.css, Tailwind's defaults) in plain CSS: this page is sent without the app's stylesheet. */
const STYLE = [
  `body{font-family:${APP_FONT};line-height:1.5;-webkit-font-smoothing:antialiased;-moz-osx-font-smoothing:grayscale;`,
  "background:#f8fafc;color:#0f172a;margin:0}",
  "main{max-width:34rem;margin:12vh auto;padding:2rem;background:#fff;border:1px solid #e2e8f0;border-radius:.75rem}",
  "h1{font-size:1.5rem;font-weight:600;margin:0 0 .75rem}",
  "p{color:#475569}",
  "a{display:inline-block;margin-top:1rem;background:#4f46e5;color:#fff;padding:.5rem 1rem;border-radius:.375rem;",
  "font-weight:500;text-decoration:none}",
].join("");

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Pages redirect here when a dependency fails, so the answer carries a real 503 (a server component's own
 * error page cannot set its status). A route handler, not a page, for the same reason.
 */
export function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const asked = params.get("reason");
  const reason = asked === "cognito" || asked === "database" || asked === "audit" ? REASONS[asked] : REASONS.cerbos;
  const retry = escapeHtml(safeReturnPath(params.get("returnTo")));
  // The page's CSP (proxy.ts) admits inline styles only with its nonce.
  const nonce = escapeHtml(nonceOf(request.headers) ?? "");
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${pageTitle(reason.title)}</title>
<style nonce="${nonce}">${STYLE}</style>
</head><body><main><h1>${reason.title}</h1><p>${reason.detail}</p><p>Please try again in a few seconds.</p>
<a href="${retry}">Try again</a></main></body></html>`;
  return new Response(html, {
    status: 503,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Retry-After": String(RETRY_AFTER_SECONDS),
      "Cache-Control": "no-store",
    },
  });
}
