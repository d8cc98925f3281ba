/**
 * The e2e stack's two logs (scripts/stack/index.ts): the app's JSON lines (APP_LOG_FILE) and the PDP's decision log
 * (CERBOS_AUDIT_LOG_PATH). Both are written asynchronously, so readers poll briefly.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { type DecisionEntry, parseDecisionLog } from "@/lib/audit/decision-log";

const STATE_DIR = path.resolve(".cognito/e2e");
export const APP_LOG = path.join(STATE_DIR, "app.log");
export const DECISION_LOG = path.join(STATE_DIR, "cerbos-decisions.log");

const read = (file: string) => (existsSync(file) ? readFileSync(file, "utf8") : "");

async function poll<T>(find: () => T[], timeoutMs = 5000): Promise<T[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found.length > 0 || Date.now() > deadline) return found;
    await sleep(100);
  }
}

/** The app's log lines (parsed) with this request id, waiting up to a few seconds for the first. */
export function appLogLinesOf(requestId: string): Promise<{ line: string; entry: Record<string, unknown> }[]> {
  return poll(() =>
    read(APP_LOG)
      .split("\n")
      .filter((line) => line.includes(requestId))
      .map((line) => ({ line, entry: JSON.parse(line) as Record<string, unknown> }))
      .filter(({ entry }) => entry.requestId === requestId),
  );
}

/** The PDP's decisions with this request id, waiting up to a few seconds (the PDP buffers its audit log). */
export function decisionsOf(requestId: string): Promise<DecisionEntry[]> {
  return poll(() => parseDecisionLog(read(DECISION_LOG), 100_000).entries.filter((e) => e.requestId === requestId));
}
