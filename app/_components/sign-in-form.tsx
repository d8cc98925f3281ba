"use client";

import { useActionState } from "react";
import { type FormState, signInAction } from "@/lib/auth/sign-in/actions";
import { FormField, FormMessage, SubmitButton } from "@/app/_components/form-field";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(signInAction, { status: "idle" });
  const fieldErrors = state.status === "invalid" ? state.fieldErrors : {};
  const email = state.status === "idle" ? undefined : state.email;
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <FormField
        name="email"
        label="Email"
        type="email"
        autoComplete="username"
        errors={fieldErrors.email}
        defaultValue={email}
        key={email}
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
  );
}
