import "server-only";
import { open } from "node:fs/promises";
import { type ParsedDecisionLog, parseDecisionLog } from "@/lib/audit/decision-log";
import { brandedError } from "@/lib/errors";

/** How much of the end of the file is read: enough for a few hundred calls, however large the file has grown. */
export const DECISION_LOG_TAIL_BYTES = 512 * 1024;
/** The most decisions one page shows. */
export const DECISION_LOG_MAX_ENTRIES = 200;

/** The decision log is configured but cannot be read (missing, unreadable, a directory): the page answers 503. */
export class AuditLogUnavailableError extends brandedError("AuditLogUnavailableError") {
  override name = "AuditLogUnavailableError";

  constructor(options?: { cause?: unknown }) {
    super("The PDP's decision log cannot be read", options);
  }
}

/**
 * The newest decisions in the PDP's decision log at `file`: its last {@link DECISION_LOG_TAIL_BYTES}, the first line
 * dropped when the read starts inside it. Throws AuditLogUnavailableError when the file cannot be read.
 */
export async function readDecisionLog(
  file: string,
  limit: number = DECISION_LOG_MAX_ENTRIES,
  tailBytes: number = DECISION_LOG_TAIL_BYTES,
): Promise<ParsedDecisionLog> {
  let text: string;
  try {
    const handle = await open(file, "r");
    try {
      const { size } = await handle.stat();
      const start = Math.max(0, size - tailBytes);
      const buffer = Buffer.alloc(size - start);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, start);
      text = buffer.subarray(0, bytesRead).toString("utf8");
      if (start > 0) text = text.slice(text.indexOf("\n") + 1);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw new AuditLogUnavailableError({ cause: error });
  }
  return parseDecisionLog(text, limit);
}
