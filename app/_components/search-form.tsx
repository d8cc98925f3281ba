import { paths } from "@/lib/paths";

type SearchFormProps = {
  query: string;
  error?: string | undefined;
  /** Where it searches (the contacts list by default), what it is called, and what it searches by. */
  action?: string;
  label?: string;
  placeholder?: string;
  maxLength?: number;
};

/** A plain GET form: the search lives in the URL (shareable, back-button friendly) and works without JavaScript. */
export function SearchForm({
  query,
  error,
  action = paths.contacts,
  label = "Search contacts",
  placeholder = "Search by name, email or company",
  maxLength = 100,
}: SearchFormProps) {
  return (
    <form action={action} method="get" role="search" className="flex flex-wrap gap-2">
      <label htmlFor="q" className="sr-only">
        {label}
      </label>
      <input
        id="q"
        name="q"
        type="search"
        defaultValue={query}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "q-error" : undefined}
        maxLength={maxLength}
        placeholder={placeholder}
        className="block w-full max-w-md rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-200 focus:outline-none"
      />
      <button
        type="submit"
        className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50"
      >
        Search
      </button>
      {error ? (
        <p id="q-error" role="alert" className="w-full text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </form>
  );
}
