import "server-only";
import { createHash } from "node:crypto";
import { checkAccessTokenWithCognito, type CognitoTokenVerdict } from "@/lib/auth/token/cognito-checks";
import type { CognitoSettings } from "@/lib/env";

/**
 * The opt-in Bearer check (BEARER_VERIFY_WITH_COGNITO): Cognito's GetUser verdict on a token, remembered per process
 * for at most `ttlMs` and never past the token's own expiry. Per-process is safe here, unlike for sessions: an entry
 * only repeats what Cognito said a moment ago, so a revocation at Cognito is honoured within `ttlMs` on every
 * instance; that window is the price of not calling Cognito on every request. Keys are SHA-256 hashes, so the cache
 * never holds a usable token. A Map in insertion order is the whole LRU we need; a cache package would add a
 * dependency for twenty lines.
 */
const MAX_ENTRIES = 10_000;

type Entry = { verdict: CognitoTokenVerdict; until: number };

const entries = new Map<string, Entry>();

function keyOf(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

function remembered(key: string, now: number): CognitoTokenVerdict | undefined {
  const entry = entries.get(key);
  if (!entry) return undefined;
  entries.delete(key);
  if (entry.until <= now) return undefined;
  entries.set(key, entry); // most recently used goes last
  return entry.verdict;
}

function remember(key: string, entry: Entry): void {
  entries.set(key, entry);
  while (entries.size > MAX_ENTRIES) {
    const oldest = entries.keys().next().value;
    if (oldest === undefined) break;
    entries.delete(oldest);
  }
}

/** Throws CognitoUnavailableError when Cognito cannot answer: the API then says 503, never "allowed". */
export async function cognitoVerdict(
  cognito: CognitoSettings,
  token: string,
  options: { ttlMs: number; expiresAt: number; now?: number },
): Promise<CognitoTokenVerdict> {
  const now = options.now ?? Date.now();
  const key = keyOf(token);
  const cached = options.ttlMs > 0 ? remembered(key, now) : undefined;
  if (cached) return cached;
  const verdict = await checkAccessTokenWithCognito(cognito, token);
  if (options.ttlMs > 0) remember(key, { verdict, until: Math.min(now + options.ttlMs, options.expiresAt * 1000) });
  return verdict;
}

/** For tests. */
export function forgetCognitoVerdicts(): void {
  entries.clear();
}
