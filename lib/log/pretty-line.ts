/** Fields every line has, shown in the prefix (time, level, message) or left out (pid, hostname) of a short line. */
const PREFIX_FIELDS = new Set(["time", "level", "msg", "pid", "hostname"]);

const LEVEL_NAMES: Record<number, string> = {
  10: "TRACE",
  20: "DEBUG",
  30: "INFO",
  40: "WARN",
  50: "ERROR",
  60: "FATAL",
};

function shown(value: unknown): string {
  if (typeof value === "string") return /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value);
  return JSON.stringify(value) ?? String(value);
}

/**
 * One JSON log line as a short line for a terminal: `12:03:04.567 INFO  api request requestId=… status=200`.
 * Pure; a line that is not a JSON object comes back unchanged, so nothing is ever lost.
 */
export function prettyLine(jsonLine: string): string {
  let entry: unknown;
  try {
    entry = JSON.parse(jsonLine);
  } catch {
    return jsonLine.trimEnd();
  }
  if (typeof entry !== "object" || entry === null || Array.isArray(entry)) return jsonLine.trimEnd();
  const fields = entry as Record<string, unknown>;
  const time = typeof fields.time === "string" ? fields.time.slice(11, 23) : "";
  const level = (typeof fields.level === "number" && LEVEL_NAMES[fields.level]) || String(fields.level ?? "");
  const rest = Object.entries(fields)
    .filter(([key]) => !PREFIX_FIELDS.has(key))
    .map(([key, value]) => `${key}=${shown(value)}`);
  return [time, level.padEnd(5), typeof fields.msg === "string" ? fields.msg : "", ...rest].filter(Boolean).join(" ");
}
