/**
 * The settings of the Cognito stand-in's own process (cognito/server.ts, cognito/seed.ts), not the app's: where it
 * listens, where it keeps its state, and how much it logs. Pure (no Node.js APIs either: the proxy's bundle includes
 * lib/env.ts); lib/env.ts reads the environment and calls it.
 */
export type StandInSettings = {
  port: number;
  /** As given: the stand-in resolves a relative folder against its working directory. */
  stateDir: string;
  /** COGNITO_DEBUG=1: one line per request (path and status only). Errors are always logged. */
  logRequests: boolean;
  /** COGNITO_LOCAL_DEBUG=1: cognito-local's own debug log, which includes request bodies (passwords): local only. */
  logInternals: boolean;
};

export const DEFAULT_STAND_IN_PORT = 9229;
export const DEFAULT_STAND_IN_STATE_DIR = ".cognito/demo";

export function parsePort(raw: string | undefined, name: string, fallback: number): number {
  if (raw === undefined || raw === "") return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`${name} must be a port number, got "${raw}"`);
  }
  return port;
}

/** A debug switch: "1" or "true" turns it on; anything else (or nothing) leaves it off. */
export function parseSwitch(raw: string | undefined): boolean {
  return raw === "1" || raw?.toLowerCase() === "true";
}

/** Reads COGNITO_LOCAL_PORT, COGNITO_LOCAL_STATE_DIR, COGNITO_DEBUG and COGNITO_LOCAL_DEBUG. */
export function parseStandInSettings(source: Record<string, string | undefined>): StandInSettings {
  return {
    port: parsePort(source.COGNITO_LOCAL_PORT, "COGNITO_LOCAL_PORT", DEFAULT_STAND_IN_PORT),
    stateDir: source.COGNITO_LOCAL_STATE_DIR || DEFAULT_STAND_IN_STATE_DIR,
    logRequests: parseSwitch(source.COGNITO_DEBUG),
    logInternals: parseSwitch(source.COGNITO_LOCAL_DEBUG),
  };
}
