import { readFileSync } from "node:fs";

/** Parses a dotenv-style file (KEY=VALUE, `#` comments, optional quotes): the stand-in's generated `local.env`. */
export function readEnvFile(file: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const rawLine of readFileSync(file, "utf8").split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === "" || line.startsWith("#")) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match?.[1]) continue;
    values[match[1]] = unquote(match[2] ?? "");
  }
  return values;
}

function unquote(value: string): string {
  const quoted = /^(['"])(.*)\1$/.exec(value);
  return quoted?.[2] ?? value;
}

/** The keys the stack hands to the app, taken from `local.env`; throws naming any that is missing. */
export function requireKeys<K extends string>(values: Record<string, string>, keys: readonly K[], file: string) {
  const missing = keys.filter((key) => !values[key]);
  if (missing.length > 0) throw new Error(`${file} lacks ${missing.join(", ")}`);
  return Object.fromEntries(keys.map((key) => [key, values[key] as string])) as Record<K, string>;
}
