import Link from "next/link";
import { describeRange, hasNextPage, type ListPosition } from "@/lib/contacts/list-pages";
import { paths } from "@/lib/paths";

type PaginationProps = ListPosition & { query: string | undefined };

export function Pagination({ query, ...position }: PaginationProps) {
  const { page, pageSize, total } = position;
  if (total === 0) return null;
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between text-sm text-slate-600">
      <p>{describeRange(position)}</p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link
            href={paths.contactsWith({ q: query, page: page - 1, pageSize })}
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50"
          >
            Previous
          </Link>
        ) : null}
        {hasNextPage(position) ? (
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
