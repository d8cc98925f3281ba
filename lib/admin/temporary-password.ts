import { randomInt } from "node:crypto";

/**
 * A temporary password for "require a new password": 20 characters from a CSPRNG with at least one of each class
 * the pool's policy requires (upper, lower, digit, symbol: cognito/seed.json, and Cognito's default policy). The
 * symbols are a subset of Cognito's allowed set that no form, URL or shell mangles. Look-alikes (O/0, l/1/I) are
 * left out: the admin reads it out or copies it once.
 */
const CLASSES = ["ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnopqrstuvwxyz", "23456789", "!#%*+-=?@^_"] as const;
const ALL = CLASSES.join("");
export const TEMPORARY_PASSWORD_LENGTH = 20;

function pick(alphabet: string): string {
  return alphabet.charAt(randomInt(alphabet.length));
}

export function generateTemporaryPassword(): string {
  const chars = CLASSES.map(pick);
  while (chars.length < TEMPORARY_PASSWORD_LENGTH) chars.push(pick(ALL));
  // Fisher–Yates, so the guaranteed characters are not always the first four.
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join("");
}
