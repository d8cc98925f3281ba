import "server-only";
import { sealData, unsealData } from "iron-session";
import { cookies } from "next/headers";
import { getEnv } from "@/lib/env";

/** Browsers drop cookies over 4096 bytes silently; iron-session does not split, so we check before writing. */
export const MAX_COOKIE_BYTES = 4096;

export class CookieTooLargeError extends Error {
  override name = "CookieTooLargeError";
}

export type SealedCookie<T extends object> = {
  name: string;
  read(): Promise<T | null>;
  write(value: T): Promise<void>;
  clear(): Promise<void>;
};

type SealedCookieOptions = { name: string; path: string; ttlSeconds: number };

/** Seals `value` with iron-session and checks that the resulting Set-Cookie fits a browser's limit. */
export async function sealForCookie(
  name: string,
  value: unknown,
  ttlSeconds: number,
  password: string,
): Promise<string> {
  const sealed = await sealData(value, { password, ttl: ttlSeconds });
  if (name.length + sealed.length + 1 > MAX_COOKIE_BYTES) {
    throw new CookieTooLargeError(
      `cookie ${name} would be ${sealed.length} bytes, over the ${MAX_COOKIE_BYTES}-byte limit`,
    );
  }
  return sealed;
}

/**
 * An HttpOnly, SameSite=Lax cookie sealed with iron-session. Reads work everywhere; writes only where Next
 * lets cookies be set (route handlers and server actions).
 */
export function sealedCookie<T extends object>({ name, path, ttlSeconds }: SealedCookieOptions): SealedCookie<T> {
  return {
    name,
    async read() {
      const sealed = (await cookies()).get(name)?.value;
      if (!sealed) return null;
      try {
        const value = await unsealData<T | Record<string, never>>(sealed, {
          password: getEnv().SESSION_PASSWORD,
          ttl: ttlSeconds,
        });
        // unsealData answers {} for an expired or tampered seal.
        return Object.keys(value).length === 0 ? null : (value as T);
      } catch {
        return null;
      }
    },
    async write(value) {
      const env = getEnv();
      const sealed = await sealForCookie(name, value, ttlSeconds, env.SESSION_PASSWORD);
      (await cookies()).set(name, sealed, {
        httpOnly: true,
        sameSite: "lax",
        secure: env.secureCookies,
        path,
        maxAge: ttlSeconds,
      });
    },
    async clear() {
      (await cookies()).set(name, "", {
        httpOnly: true,
        sameSite: "lax",
        secure: getEnv().secureCookies,
        path,
        maxAge: 0,
      });
    },
  };
}
