/**
 * Next bundles instrumentation.ts and each route separately, so one source module can be evaluated more than
 * once in a process (and again on every `next dev` reload). State that must exist once per process lives here,
 * on globalThis under a registered symbol, instead of in module variables.
 */
export function processSingleton<T>(name: string, create: () => T): T {
  const key = Symbol.for(`contacts-app.${name}`);
  const store = globalThis as typeof globalThis & Record<symbol, unknown>;
  if (!(key in store)) store[key] = create();
  return store[key] as T;
}
