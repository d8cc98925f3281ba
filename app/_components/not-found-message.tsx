import Link from "next/link";
import { paths } from "@/lib/paths";

/** The same 404 for a missing contact, one the user may not read, and an unknown address. */
export function NotFoundMessage() {
  return (
    <div className="mx-auto max-w-md space-y-4 rounded-lg border border-slate-200 bg-white p-6 text-center shadow-sm">
      <h1 className="text-xl font-semibold">Not found</h1>
      <p className="text-sm text-slate-600">There is nothing here, or nothing you may see.</p>
      <Link href={paths.contacts} className="text-sm font-medium text-indigo-700 hover:underline">
        Back to contacts
      </Link>
    </div>
  );
}
