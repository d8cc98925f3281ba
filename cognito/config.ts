import path from "node:path";

export const DEFAULT_PORT = 9229;
export const DEFAULT_STATE_DIR = ".cognito/demo";
/** Loopback only: the stand-in signs tokens with a key that ships publicly inside cognito-local. */
export const HOST = "127.0.0.1";

export type StandInSettings = {
  port: number;
  stateDir: string;
};

export function parsePort(raw: string | undefined, name: string, fallback: number): number {
  if (raw === undefined || raw === "") return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`${name} must be a port number, got "${raw}"`);
  }
  return port;
}

/** Reads COGNITO_LOCAL_PORT and COGNITO_LOCAL_STATE_DIR (relative paths resolve against the working directory). */
export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): StandInSettings {
  return {
    port: parsePort(env.COGNITO_LOCAL_PORT, "COGNITO_LOCAL_PORT", DEFAULT_PORT),
    stateDir: path.resolve(env.COGNITO_LOCAL_STATE_DIR || DEFAULT_STATE_DIR),
  };
}

export function baseUrl(port: number): string {
  return `http://${HOST}:${port}`;
}

/** For log lines: relative to the working directory when inside it, absolute otherwise. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : file;
}
