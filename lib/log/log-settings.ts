import { z } from "zod";

/**
 * How lib/log/logger.ts writes: LOG_FORMAT "json" (one JSON object per line, for machines: the default, and what
 * production wants) or "pretty" (a short line for people: `npm run demo`/`dev` set it); LOG_LEVEL; and APP_LOG_FILE,
 * a file that also gets every line as JSON whatever the format (the stack runner names <stateDir>/app.log).
 * Pure: lib/env.ts validates these with the rest of the environment and reads them for the logger.
 */
export const logEnvShape = {
  LOG_FORMAT: z.enum(["json", "pretty"], { error: 'must be "json" or "pretty"' }).default("json"),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      error: "must be one of fatal, error, warn, info, debug, trace, silent",
    })
    .default("info"),
  APP_LOG_FILE: z.string().min(1).optional(),
};

export type LogSettings = { format: "json" | "pretty"; level: string; file: string | undefined };

const logEnvSchema = z.object(logEnvShape);

export function logSettingsFrom(source: Record<string, string | undefined>): LogSettings {
  const env = logEnvSchema.parse(Object.fromEntries(Object.entries(source).filter(([, value]) => value)));
  return { format: env.LOG_FORMAT, level: env.LOG_LEVEL, file: env.APP_LOG_FILE };
}
