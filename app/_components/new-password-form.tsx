"use client";

import { useActionState } from "react";
import { type FormState, setNewPasswordAction } from "@/lib/auth/sign-in/actions";
import { FormField, FormMessage, SubmitButton } from "@/app/_components/form-field";

export function NewPasswordForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(setNewPasswordAction, { status: "idle" });
  const fieldErrors = state.status === "invalid" ? state.fieldErrors : {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormField
        name="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        errors={fieldErrors.newPassword}
      />
      <FormField
        name="confirmPassword"
        label="Confirm new password"
        type="password"
        autoComplete="new-password"
        errors={fieldErrors.confirmPassword}
      />
      <FormMessage message={state.status === "error" ? state.message : undefined} />
      <SubmitButton label="Set password" pending={pending} />
    </form>
  );
}
