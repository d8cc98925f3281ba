import type { Ref } from "react";

type FormFieldProps = {
  name: string;
  label: string;
  type: "email" | "password" | "text" | "tel" | "textarea";
  autoComplete: string;
  errors: string[] | undefined;
  defaultValue?: string;
  required?: boolean;
  maxLength?: number;
  autoFocus?: boolean;
};

const INPUT_CLASSES =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 shadow-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-200 focus:outline-none";

/** A labelled input whose errors are tied to it with aria-describedby, so screen readers read them with the field. */
export function FormField({
  name,
  label,
  type,
  autoComplete,
  errors,
  defaultValue,
  required = true,
  maxLength,
  autoFocus,
}: FormFieldProps) {
  const errorId = `${name}-errors`;
  const shared = {
    id: name,
    name,
    required,
    maxLength,
    autoFocus,
    autoComplete,
    defaultValue,
    "aria-invalid": errors ? true : undefined,
    "aria-describedby": errors ? errorId : undefined,
    className: INPUT_CLASSES,
  };
  return (
    <div className="space-y-1">
      <label htmlFor={name} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {type === "textarea" ? <textarea rows={4} {...shared} /> : <input type={type} {...shared} />}
      {errors ? (
        <p id={errorId} className="text-sm text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

/**
 * A form-level error: role="alert" (an assertive live region) and nothing else, since a polite aria-live would
 * contradict it. Always rendered, so the region exists before the message arrives and is announced. A form that
 * moves focus to its message (an error summary) passes a `ref`; the message is then focusable.
 */
export function FormMessage({ message, ref }: { message: string | undefined; ref?: Ref<HTMLDivElement> }) {
  return (
    <div
      ref={ref}
      tabIndex={ref ? -1 : undefined}
      role="alert"
      className={message ? "rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" : ""}
    >
      {message}
    </div>
  );
}

export function SubmitButton({ label, pending }: { label: string; pending: boolean }) {
  return (
    <button
      type="submit"
      disabled={pending}
      className="w-full rounded-md bg-indigo-600 px-4 py-2 font-medium text-white shadow-sm hover:bg-indigo-500 disabled:opacity-60"
    >
      {label}
    </button>
  );
}
