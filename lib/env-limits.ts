import type { SignInLimits } from "@/lib/auth/sign-in/throttle-policy";
import type { Env, RawEnv } from "@/lib/env";

/** Pure helpers of parseEnv (lib/env.ts): the sign-in throttling limits and the session timeouts, in milliseconds. */

export function sessionTimeouts(raw: RawEnv, problems: string[]): Env["sessionTimeouts"] {
  const idleMs = raw.SESSION_IDLE_TIMEOUT_MINUTES * 60_000;
  const absoluteMs = raw.SESSION_ABSOLUTE_TIMEOUT_HOURS * 3_600_000;
  if (idleMs > absoluteMs) {
    problems.push("SESSION_IDLE_TIMEOUT_MINUTES: must not be longer than SESSION_ABSOLUTE_TIMEOUT_HOURS");
  }
  return { idleMs, absoluteMs };
}

export function signInLimitsOf(raw: RawEnv): SignInLimits {
  return {
    accountMaxFailures: raw.SIGNIN_ACCOUNT_MAX_FAILURES,
    addressMaxFailures: raw.SIGNIN_ADDRESS_MAX_FAILURES,
    windowMs: raw.SIGNIN_WINDOW_MINUTES * 60_000,
    maxLockMs: raw.SIGNIN_MAX_LOCK_MINUTES * 60_000,
  };
}
