import { isIP } from "node:net";

/**
 * The client's address from X-Forwarded-For, as far as it can be trusted.
 *
 * What reaches a server action: `next start` (base-server.js, handleRequest) does
 * `req.headers["x-forwarded-for"] ??= socket.remoteAddress`, so it writes the socket's address only when the
 * request carries no X-Forwarded-For, and never appends to one that is there. Hence:
 * - `trustedProxies` = 0 (clients reach Next directly): the header is the socket address when the client sent none;
 *   a client that sends one chooses it. We take the single entry; several entries can only come from the client, so
 *   they are refused. This is as good as the socket only while Next is unreachable except from this host (`npm start`
 *   binds loopback): anything exposed needs a proxy in front and `trustedProxies` >= 1.
 * - `trustedProxies` = N >= 1: each proxy appends the address it saw, and Next adds nothing, so the last entry was
 *   written by the proxy next to Next and the N-th from the right by the outermost trusted proxy: that one is the
 *   client. Entries to its left were sent by the client and are ignored.
 * Returns null when the header cannot be read that way (missing, too short, not an IP address): callers count such
 * requests under one shared "unknown" address rather than letting them escape the per-address limit.
 */
export function clientAddressFrom(forwardedFor: string | null | undefined, trustedProxies: number): string | null {
  if (!forwardedFor) return null;
  const entries = forwardedFor.split(",").map((entry) => entry.trim());
  if (trustedProxies === 0 && entries.length !== 1) return null;
  const index = entries.length - Math.max(trustedProxies, 1);
  const entry = index >= 0 ? entries[index] : undefined;
  return entry === undefined ? null : normaliseAddress(entry);
}

/** One spelling per address, so `::ffff:10.0.0.1` and `10.0.0.1`, or different IPv6 case, share a counter. */
function normaliseAddress(entry: string): string | null {
  const bare = entry.startsWith("[") && entry.endsWith("]") ? entry.slice(1, -1) : entry;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  const address = (mapped?.[1] ?? bare).toLowerCase();
  return isIP(address) === 0 ? null : address;
}
