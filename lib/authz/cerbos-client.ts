import "server-only";

import { randomUUID } from "node:crypto";

import { HTTP } from "@cerbos/http";

import { createDecisionCaches, type DecisionCacheSettings, type DecisionCaches } from "@/lib/authz/decision-cache";
import { getEnv } from "@/lib/env";
import { brandedError } from "@/lib/errors";
import { currentRequestId } from "@/lib/request-context";

export type CerbosSettings = { url: string; timeoutMs: number; cache?: DecisionCacheSettings };

/**
 * The SDK client plus the deadline of calls through {@link callCerbos}: `timeoutMs` per call, or, once
 * {@link withRequestDeadline} has set `deadline`, one signal shared by every call of the request; and the decision
 * caches the plan and check modules may answer from (none: every call asks the PDP). `requestId`, when set, is the
 * Cerbos requestId of its calls instead of the current request's (see {@link pdpRequestId}).
 */
export type CerbosClient = {
  readonly http: HTTP;
  readonly timeoutMs: number;
  readonly deadline?: () => AbortSignal;
  readonly caches?: DecisionCaches | undefined;
  readonly requestId?: string;
};

/** Per-call options the SDK accepts (`headers`, `signal`). */
export type CerbosCallOptions = { signal: AbortSignal };

/**
 * The PDP could not give a decision (unreachable, too slow, an error status, an unreadable answer).
 * The message is safe to show; the cause is for logs only, as it can name hosts and request details.
 */
export class AuthorizationUnavailableError extends brandedError("AuthorizationUnavailableError") {
  override name = "AuthorizationUnavailableError";

  constructor(options?: { cause?: unknown }) {
    super("The authorization service is unavailable", options);
  }
}

export function createCerbosClient({ url, timeoutMs, cache }: CerbosSettings): CerbosClient {
  // "throw": if schemas are ever enabled, a request failing them must not be decided on.
  const http = new HTTP(url, { onValidationError: "throw" });
  return { http, timeoutMs, caches: cache && createDecisionCaches(cache) };
}

let shared: CerbosClient | undefined;

/** The process-wide client for the PDP named by CERBOS_URL, with the process's decision caches (CERBOS_CACHE_*). */
export function getCerbos(): CerbosClient {
  if (!shared) {
    const env = getEnv();
    shared = createCerbosClient({
      url: env.CERBOS_URL,
      timeoutMs: env.CERBOS_TIMEOUT_MS,
      cache: {
        ttlMs: env.CERBOS_CACHE_TTL_MS,
        maxEntries: env.CERBOS_CACHE_MAX_ENTRIES,
        policyDir: env.CERBOS_POLICY_DIR,
      },
    });
  }
  return shared;
}

/** The same PDP, every call asked afresh: for writes and for the inspector, which shows real requests. */
export function withoutCaches(client: CerbosClient): CerbosClient {
  return { ...client, caches: undefined };
}

/**
 * The client with one deadline for every PDP call of one request. A page that asks for a plan, then checks the
 * rows, must answer within CERBOS_TIMEOUT_MS in all, not once per call (a PDP answering in 0.6× the timeout would
 * otherwise make a list take 1.2×, and more with every call added). The clock starts at the first PDP call, so time
 * spent on the database (which has its own deadline) is not charged to Cerbos.
 */
export function withRequestDeadline(client: CerbosClient = getCerbos()): CerbosClient {
  let signal: AbortSignal | undefined;
  const deadline = () => (signal ??= AbortSignal.timeout(client.timeoutMs));
  return { ...client, deadline };
}

/**
 * The Cerbos `requestId` of a PDP call: the id of the HTTP request it is made for (proxy.ts, X-Request-Id), so a line
 * of the app's log leads to the PDP's decisions in its audit log; a fresh UUID outside a request.
 */
export async function pdpRequestId(client: CerbosClient): Promise<string> {
  return client.requestId ?? (await currentRequestId()) ?? randomUUID();
}

/**
 * Runs one SDK call with the client's deadline (the SDK has none: a PDP that accepts and never answers
 * would hang the request) and turns every failure into AuthorizationUnavailableError, so no caller can
 * mistake an error for a decision.
 */
export async function callCerbos<T>(
  client: CerbosClient,
  call: (http: HTTP, options: CerbosCallOptions) => Promise<T>,
): Promise<T> {
  try {
    return await call(client.http, { signal: client.deadline?.() ?? AbortSignal.timeout(client.timeoutMs) });
  } catch (error) {
    throw new AuthorizationUnavailableError({ cause: error });
  }
}
