import "server-only";

import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

/**
 * What the app knows of the policies it is deployed with, so a cached decision is keyed by them: a policy edit
 * (the PDP watches its folder) changes the fingerprint, and every older entry becomes unreachable at once.
 */
export type PolicyState =
  { cacheable: true; fingerprint: string; readsResourceId: boolean } | { cacheable: false; reason: string };

export type PolicySource = { path: string; text: string };

/**
 * Conditions whose answer changes with the clock: a decision cached for a few seconds could outlive them, so
 * policies that use them are never cached. CEL's `now()`/`timeSince()`, timestamps and durations and their getters.
 * Matched anywhere in the text (comments too): a false alarm only turns the cache off.
 */
const TIME_BASED =
  /\bnow\s*\(|\btimeSince\s*\(|\btimestamp\s*\(|\bduration\s*\(|\.get(?:FullYear|Month|Date|DayOf\w+|Hours|Minutes|Seconds|Milliseconds)\s*\(/;

/** A policy that reads the resource's id decides per contact: its id must then be part of the decision key. */
const READS_RESOURCE_ID = /\bresource\.id\b|\bR\.id\b/;

/** Pure: the state for a set of policy files (test files already left out). */
export function policyStateOf(sources: readonly PolicySource[]): PolicyState {
  if (sources.length === 0) return { cacheable: false, reason: "no policy files found" };
  const timeBased = sources.find((source) => TIME_BASED.test(source.text));
  if (timeBased) return { cacheable: false, reason: `${timeBased.path} uses time (now(), timestamps or durations)` };
  const hash = createHash("sha256");
  for (const { path, text } of [...sources].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    hash.update(`${path}\0${text}\0`);
  }
  return {
    cacheable: true,
    fingerprint: hash.digest("base64url"),
    readsResourceId: sources.some((source) => READS_RESOURCE_ID.test(source.text)),
  };
}

/** Policy files as the PDP's disk storage reads them: YAML/JSON in the folder and below, minus tests and testdata. */
function isPolicyFile(path: string): boolean {
  return (
    /\.(ya?ml|json)$/.test(path) && !/_test\.(ya?ml|json)$/.test(path) && !path.split(/[\\/]/).includes("testdata")
  );
}

export function readPolicyState(directory: string): PolicyState {
  try {
    const root = resolve(directory);
    const files = readdirSync(root, { recursive: true, encoding: "utf8" }).filter(isPolicyFile);
    return policyStateOf(files.map((path) => ({ path, text: readFileSync(join(root, path), "utf8") })));
  } catch (error) {
    return { cacheable: false, reason: `the policies in ${directory} cannot be read (${(error as Error).message})` };
  }
}

/** Re-reads the folder at most once per `intervalMs`, so an edit is seen within about a second, at little cost. */
export function watchPolicyState(directory: string, intervalMs = 1000, now: () => number = Date.now) {
  let state: PolicyState | undefined;
  let readAt = -Infinity;
  let lastReason: string | undefined;
  return (): PolicyState => {
    if (state === undefined || now() - readAt >= intervalMs) {
      state = readPolicyState(directory);
      readAt = now();
      if (!state.cacheable && state.reason !== lastReason) {
        console.warn(`[authz] decision caches are off: ${state.reason}`);
      }
      lastReason = state.cacheable ? undefined : state.reason;
    }
    return state;
  };
}
