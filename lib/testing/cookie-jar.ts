/**
 * A stand-in for `cookies()` from next/headers, for in-process tests of code that reads and writes the session
 * cookies (a test mocks next/headers with it). Only what lib/auth uses: get, getAll, set (maxAge 0 removes).
 */
export type TestCookieJar = {
  get(name: string): { name: string; value: string } | undefined;
  getAll(): { name: string; value: string }[];
  set(name: string, value: string, options?: { maxAge?: number }): void;
  clear(): void;
};

export function createCookieJar(): TestCookieJar {
  const values = new Map<string, string>();
  return {
    get: (name) => (values.has(name) ? { name, value: values.get(name) ?? "" } : undefined),
    getAll: () => [...values].map(([name, value]) => ({ name, value })),
    set(name, value, options) {
      if (options?.maxAge === 0 || value === "") values.delete(name);
      else values.set(name, value);
    },
    clear: () => values.clear(),
  };
}
