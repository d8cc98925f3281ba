import Link from "next/link";
import { paths } from "@/lib/paths";

type PaginationProps = { page: number; pageSize: number; total: number; query: string | undefined };

export function Pagination({ page, pageSize, total, query }: PaginationProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (total === 0) return null;
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(page * pageSize, total);
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between text-sm text-slate-600">
      <p>
        {first}–{last} of {total}
      </p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link
            href={paths.contactsWith({ q: query, page: page - 1, pageSize })}
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50"
          >
            Previous
          </Link>
        ) : null}
        {page < pages ? (
          <Link
            href={paths.contactsWith({ q: query, page: page + 1, pageSize })}
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50"
          >
            Next
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
