import { paths } from "@/lib/paths";

const PROBE_ORIGIN = "http://same-origin.invalid";

function decodeFully(value: string): string | null {
  let decoded = value;
  try {
    // Decode until stable, so %252F%252F cannot sneak a second slash past the check.
    for (let i = 0; i < 4 && decoded.includes("%"); i++) decoded = decodeURIComponent(decoded);
  } catch {
    return null;
  }
  return decoded;
}

/**
 * Turns an untrusted "return to" value into a path on this site, or the fallback. Browsers read `//evil.example`
 * and `/\evil.example` as other hosts, and strip tabs and newlines inside URLs, so any of those — raw or encoded —
 * sends the user to the fallback instead.
 */
export function safeReturnPath(candidate: string | null | undefined, fallback: string = paths.contacts): string {
  if (!candidate || !candidate.startsWith("/")) return fallback;
  const decoded = decodeFully(candidate);
  if (decoded === null) return fallback;
  if (decoded.startsWith("//") || /[\u0000-\u001f\u007f\\]/.test(decoded)) return fallback;
  const url = new URL(candidate, PROBE_ORIGIN);
  if (url.origin !== PROBE_ORIGIN) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
