"use client";

import { useActionState, useRef } from "react";
import { DemoAccounts } from "@/app/_components/demo-accounts";
import { type FormState, signInAction } from "@/lib/auth/sign-in/actions";
import type { DemoAccount } from "@/lib/auth/sign-in/demo-users";
import { FormField, FormMessage, SubmitButton } from "@/app/_components/form-field";

type SignInFormProps = {
  callbackUrl: string;
  /** Local mode only: the stand-in's demo accounts, which fill the form when picked. */
  demoAccounts?: DemoAccount[] | null;
};

export function SignInForm({ callbackUrl, demoAccounts }: SignInFormProps) {
  const [state, action, pending] = useActionState<FormState, FormData>(signInAction, { status: "idle" });
  const form = useRef<HTMLFormElement>(null);
  const fieldErrors = state.status === "invalid" ? state.fieldErrors : {};
  const email = state.status === "idle" ? undefined : state.email;
  const pick = (account: DemoAccount) => {
    const input = (name: string) => form.current?.elements.namedItem(name) as HTMLInputElement | null;
    const [emailInput, passwordInput] = [input("email"), input("password")];
    if (emailInput) emailInput.value = account.email;
    if (passwordInput) passwordInput.value = account.password ?? "";
    (account.password ? form.current?.querySelector<HTMLElement>("button[type=submit]") : passwordInput)?.focus();
  };
  return (
    <>
      <form ref={form} action={action} className="space-y-4" noValidate>
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <FormField
          name="email"
          label="Email"
          type="email"
          autoComplete="username"
          errors={fieldErrors.email}
          defaultValue={email}
          key={email}
          autoFocus
        />
        <FormField
          name="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          errors={fieldErrors.password}
        />
        <FormMessage message={state.status === "error" ? state.message : undefined} />
        <SubmitButton label="Sign in" pending={pending} />
      </form>
      {demoAccounts && demoAccounts.length > 0 ? <DemoAccounts accounts={demoAccounts} onPick={pick} /> : null}
    </>
  );
}
