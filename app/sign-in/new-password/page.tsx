import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { NewPasswordForm } from "@/app/_components/new-password-form";
import { pendingChallengeCookie } from "@/lib/auth/session/password-cookies";
import { paths } from "@/lib/paths";

export const metadata: Metadata = { title: "Set a new password" };

export default async function NewPasswordPage() {
  const pending = await pendingChallengeCookie.read();
  if (!pending) redirect(paths.signInWith({ error: "SessionExpired" }));
  return (
    <div className="mx-auto max-w-sm space-y-6">
      <div className="space-y-1 text-center">
        <h1 className="text-2xl font-semibold">Set a new password</h1>
        <p className="text-sm text-slate-600">
          <span className="font-medium">{pending.email}</span> was created with a temporary password. Choose your own to
          finish signing in.
        </p>
      </div>
      <section className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <NewPasswordForm />
      </section>
    </div>
  );
}
