import path from "node:path";

/** Loopback only: the stand-in signs tokens with a key that ships publicly inside cognito-local. */
export const HOST = "127.0.0.1";

export function baseUrl(port: number): string {
  return `http://${HOST}:${port}`;
}

/** For log lines: relative to the working directory when inside it, absolute otherwise. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : file;
}
