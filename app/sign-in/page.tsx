import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { HostedUiButton } from "@/app/_components/hosted-ui-button";
import { SignInForm } from "@/app/_components/sign-in-form";
import { getCurrentUser } from "@/lib/auth/current-user";
import { safeReturnPath } from "@/lib/auth/return-to";
import { listDemoAccounts } from "@/lib/auth/sign-in/demo-users";
import { getEnv } from "@/lib/env";

export const metadata: Metadata = { title: "Sign in" };

type SignInPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const ERROR_MESSAGES: Record<string, string> = {
  SessionExpired: "Your session has expired. Please sign in again.",
  SessionIdle: "You were signed out because you were inactive for too long. Please sign in again.",
  SessionRevoked: "This session has been signed out. Please sign in again.",
  AccessDenied: "Access was denied.",
};

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function SignInPage({ searchParams }: SignInPageProps) {
  const params = await searchParams;
  const callbackUrl = safeReturnPath(first(params.callbackUrl));
  if ((await getCurrentUser()).status === "signed-in") redirect(callbackUrl);
  const error = first(params.error);
  // next-auth reports Hosted UI failures as ?error=<code>; the codes mean nothing to a person.
  const errorMessage = error
    ? (ERROR_MESSAGES[error] ?? "Signing in with the Hosted UI failed. Please try again.")
    : undefined;
  const notice = first(params.signedOut) === "1" ? "You have been signed out." : undefined;
  const demoAccounts = await listDemoAccounts(getEnv().cognito);
  return (
    <div className="mx-auto max-w-sm space-y-6">
      <div className="space-y-1 text-center">
        <h1 className="text-2xl font-semibold">Sign in</h1>
        <p className="text-sm text-slate-600">Use your Cognito account to see what you may do with each contact.</p>
      </div>
      {notice ? (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {notice}
        </p>
      ) : null}
      {errorMessage ? (
        <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {errorMessage}
        </p>
      ) : null}
      <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <SignInForm callbackUrl={callbackUrl} demoAccounts={demoAccounts} />
      </section>
      <div className="flex items-center gap-3 text-xs tracking-wide text-slate-600 uppercase">
        <span className="h-px flex-1 bg-slate-200" /> or <span className="h-px flex-1 bg-slate-200" />
      </div>
      <HostedUiButton callbackUrl={callbackUrl} />
    </div>
  );
}
