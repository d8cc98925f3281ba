import "server-only";
import pino, { type Logger, type StreamEntry } from "pino";
import { getLogSettings } from "@/lib/env";
import type { LogSettings } from "@/lib/log/log-settings";
import { prettyLine } from "@/lib/log/pretty-line";

/**
 * Never in a log line, wherever they appear one level down: credentials (tokens, passwords, cookies, secrets) and
 * contact contents. Nothing logs them on purpose; this catches the object someone passes whole one day.
 */
const REDACTED_KEYS = [
  "password",
  "newPassword",
  "token",
  "accessToken",
  "idToken",
  "refreshToken",
  "authorization",
  "cookie",
  "cookies",
  "secret",
  "clientSecret",
  "contact",
  "contacts",
  "email",
  "phone",
  "notes",
];
export const REDACT_PATHS = REDACTED_KEYS.flatMap((key) => [key, `*.${key}`, `headers.${key}`]);

function stdoutStream(format: LogSettings["format"]): StreamEntry["stream"] {
  if (format === "json") return pino.destination(1);
  return { write: (line: string) => void process.stdout.write(`${prettyLine(line)}\n`) };
}

/** JSON lines (or short lines) on stdout, and JSON lines in `settings.file` too when one is named. */
export function createLogger(settings: LogSettings): Logger {
  // multistream's entries default to "info"; the logger's level is the one filter.
  const level = settings.level === "silent" ? "fatal" : (settings.level as StreamEntry["level"]);
  const streams: StreamEntry[] = [{ level, stream: stdoutStream(settings.format) }];
  if (settings.file) {
    streams.push({ level, stream: pino.destination({ dest: settings.file, mkdir: true, append: true }) });
  }
  return pino(
    {
      level: settings.level,
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
    },
    pino.multistream(streams),
  );
}

// On globalThis: `next dev` re-evaluates modules on every edit and would open the log file again each time.
const SHARED = Symbol.for("contacts-app.logger");
type WithLogger = typeof globalThis & { [SHARED]?: Logger };

/** The process's logger (LOG_FORMAT, LOG_LEVEL, APP_LOG_FILE). */
export function getLogger(): Logger {
  const holder = globalThis as WithLogger;
  holder[SHARED] ??= createLogger(getLogSettings());
  return holder[SHARED];
}
