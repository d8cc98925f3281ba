type FormFieldProps = {
  name: string;
  label: string;
  type: "email" | "password" | "text";
  autoComplete: string;
  errors: string[] | undefined;
  defaultValue?: string;
};

/** A labelled input whose errors are tied to it with aria-describedby, so screen readers read them with the field. */
export function FormField({ name, label, type, autoComplete, errors, defaultValue }: FormFieldProps) {
  const errorId = `${name}-errors`;
  return (
    <div className="space-y-1">
      <label htmlFor={name} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        id={name}
        name={name}
        type={type}
        required
        autoComplete={autoComplete}
        defaultValue={defaultValue}
        aria-invalid={errors ? true : undefined}
        aria-describedby={errors ? errorId : undefined}
        className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 shadow-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-200 focus:outline-none"
      />
      {errors ? (
        <p id={errorId} className="text-sm text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

export function FormMessage({ message }: { message: string | undefined }) {
  return (
    <div role="alert" aria-live="polite" className={message ? "rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" : ""}>
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
