"use server";

import "server-only";
import { redirect } from "next/navigation";
import { z } from "zod";
import { JwksUnavailableError } from "@/lib/auth/token/access-token";
import { CognitoUnavailableError, completeNewPassword, signInWithPassword } from "@/lib/auth/cognito-api";
import { pendingChallengeCookie } from "@/lib/auth/session/password-cookies";
import { safeReturnPath } from "@/lib/auth/return-to";
import { savePasswordSession } from "@/lib/auth/session/stored-session";
import { SignInThrottleUnavailableError, throttled, tooManyAttemptsMessage } from "@/lib/auth/sign-in/throttle";
import { getEnv } from "@/lib/env";
import { plainText } from "@/lib/text-input";
import { paths } from "@/lib/paths";

export type FormState =
  | { status: "idle" }
  | { status: "invalid"; fieldErrors: Record<string, string[] | undefined>; email?: string }
  | { status: "error"; message: string; email?: string };

const INCORRECT = "Incorrect email or password.";
const UNAVAILABLE = "The sign-in service is unavailable right now. Please try again in a moment.";
const CHALLENGE_EXPIRED = "This sign-in step has expired. Please sign in again.";
// Cognito's own lockout names no wait; the wording matches the throttle's so it reads as one rule.
const COGNITO_LOCKED_OUT = "Too many attempts. Try again in a few minutes.";

const signInSchema = z.object({
  email: plainText("Email")
    .trim()
    .toLowerCase()
    .max(254, "Email is too long.")
    .pipe(z.email("Enter a valid email address.")),
  password: plainText("Password").min(1, "Enter your password.").max(256, "Password is too long."),
  callbackUrl: plainText("callbackUrl").max(2048).optional(),
});

const newPasswordSchema = z
  .object({
    newPassword: plainText("New password").min(8, "Use at least 8 characters.").max(256, "Password is too long."),
    confirmPassword: plainText("Confirmation"),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    message: "The passwords do not match.",
    path: ["confirmPassword"],
  });

function isServiceFailure(error: unknown): boolean {
  const failures = [CognitoUnavailableError, JwksUnavailableError, SignInThrottleUnavailableError];
  // By name too: an error class from another bundle is not `instanceof` this bundle's copy.
  return error instanceof Error && failures.some((type) => error instanceof type || error.name === type.name);
}

export async function signInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = signInSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const email = formData.get("email");
    return {
      status: "invalid",
      fieldErrors: z.flattenError(parsed.error).fieldErrors,
      email: typeof email === "string" ? email : undefined,
    };
  }
  const { email, password, callbackUrl } = parsed.data;
  let next: string;
  try {
    const attempt = await throttled(
      email,
      () => signInWithPassword(getEnv().cognito, email, password),
      (answer) => answer.status === "signed-in" || answer.status === "new-password-required",
    );
    if (attempt.status === "wait") return { status: "error", message: tooManyAttemptsMessage(attempt.minutes), email };
    const result = attempt.value;
    if (result.status === "invalid-credentials") return { status: "error", message: INCORRECT, email };
    if (result.status === "locked-out") return { status: "error", message: COGNITO_LOCKED_OUT, email };
    if (result.status === "not-allowed") return { status: "error", message: result.message, email };
    if (result.status === "new-password-required") {
      await pendingChallengeCookie.write({ session: result.session, email, callbackUrl: safeReturnPath(callbackUrl) });
      next = paths.newPassword;
    } else {
      await savePasswordSession(result.tokens, email);
      next = safeReturnPath(callbackUrl);
    }
  } catch (error) {
    if (!isServiceFailure(error)) throw error;
    console.warn(`[auth] direct sign-in failed: ${(error as Error).message}`);
    return { status: "error", message: UNAVAILABLE, email };
  }
  redirect(next);
}

export async function setNewPasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const pending = await pendingChallengeCookie.read();
  if (!pending) return { status: "error", message: CHALLENGE_EXPIRED };
  const parsed = newPasswordSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: "invalid", fieldErrors: z.flattenError(parsed.error).fieldErrors };
  try {
    const attempt = await throttled(
      pending.email,
      () => completeNewPassword(getEnv().cognito, pending.email, pending.session, parsed.data.newPassword),
      (answer) => answer.status === "signed-in",
    );
    if (attempt.status === "wait") return { status: "error", message: tooManyAttemptsMessage(attempt.minutes) };
    const result = attempt.value;
    if (result.status === "invalid-password")
      return { status: "invalid", fieldErrors: { newPassword: [result.message] } };
    if (result.status === "challenge-expired") {
      await pendingChallengeCookie.clear();
      return { status: "error", message: CHALLENGE_EXPIRED };
    }
    await pendingChallengeCookie.clear();
    await savePasswordSession(result.tokens, pending.email);
  } catch (error) {
    if (!isServiceFailure(error)) throw error;
    console.warn(`[auth] new-password step failed: ${(error as Error).message}`);
    return { status: "error", message: UNAVAILABLE };
  }
  redirect(pending.callbackUrl);
}
