import Link from "next/link";
import { paths } from "@/lib/paths";

type ForbiddenNoticeProps = { title: string; children: string };

/** What a forbidden.tsx shows (with HTTP 403): what was refused, why in general terms, and the way back. */
export function ForbiddenNotice({ title, children }: ForbiddenNoticeProps) {
  return (
    <div className="mx-auto max-w-md space-y-4 rounded-lg border border-slate-200 bg-white p-6 text-center shadow-sm">
      <h1 className="text-xl font-semibold">{title}</h1>
      <p role="alert" className="text-sm text-slate-600">
        {children}
      </p>
      <Link href={paths.contacts} className="inline-block text-sm font-medium text-indigo-700 hover:underline">
        ← Back to contacts
      </Link>
    </div>
  );
}
