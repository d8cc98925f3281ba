import Link from "next/link";
import { DEFAULT_PAGE_SIZE } from "@/lib/contacts/list-limits";
import { paths } from "@/lib/paths";

type PaginationProps = { page: number; pageSize: number; total: number; query: string | undefined };

export function contactsPageHref(page: number, pageSize: number, query: string | undefined): string {
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  if (page > 1) params.set("page", String(page));
  if (pageSize !== DEFAULT_PAGE_SIZE) params.set("pageSize", String(pageSize));
  const search = params.toString();
  return search ? `${paths.contacts}?${search}` : paths.contacts;
}

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
            href={contactsPageHref(page - 1, pageSize, query)}
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50"
          >
            Previous
          </Link>
        ) : null}
        {page < pages ? (
          <Link
            href={contactsPageHref(page + 1, pageSize, query)}
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50"
          >
            Next
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
