/**
 * Reads a request body up to a byte limit. Content-Length is checked first (a cheap early refusal), and bytes are
 * counted while reading because a chunked body has no Content-Length and a client may send more than it declared.
 * Hand-written: Request.json()/text() always read everything into memory first. Pure (Web streams only).
 */
export type LimitedBody = { status: "ok"; text: string } | { status: "too-large" } | { status: "unreadable" };

export const MAX_JSON_BODY_BYTES = 64 * 1024;

/** Next's default `serverActions.bodySizeLimit` (1 MB), which next.config.js leaves unchanged. */
export const SERVER_ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

/** What a person sees when a form was too large to send (proxy.ts answers it; app/error.tsx recognises it). */
export const SERVER_ACTION_TOO_LARGE =
  "The form is too large to send (over 1 MB); nothing was saved. Shorten the text and try again.";

export function declaresTooLarge(headers: Headers, limit: number): boolean {
  const declared = headers.get("content-length");
  return declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > limit;
}

export async function readLimitedText(request: Request, limit: number): Promise<LimitedBody> {
  if (declaresTooLarge(request.headers, limit)) return { status: "too-large" };
  if (!request.body) return { status: "ok", text: "" };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        // Stop reading: the rest of an oversized body is never buffered.
        await reader.cancel().catch(() => {});
        return { status: "too-large" };
      }
      chunks.push(value);
    }
  } catch {
    return { status: "unreadable" };
  }
  return decode(chunks, size);
}

function decode(chunks: Uint8Array[], size: number): LimitedBody {
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return { status: "ok", text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { status: "unreadable" };
  }
}
