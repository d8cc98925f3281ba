import type { ReactNode } from "react";

/**
 * The frame every table of the app shares: a captioned table that scrolls sideways if it must on a wide screen and
 * becomes a card per row below `sm`. The explicit ARIA roles keep the table's semantics when CSS changes its display
 * (some browsers drop them with `display: block`). A column given as `{ hidden }` has a header only screen readers
 * hear (e.g. a column of buttons).
 */
type Column = string | { hidden: string };

type ResponsiveTableProps = { caption: string; columns: readonly Column[]; children: ReactNode };

/** Row and cell classes for tables whose cards stack their cells, each labelled by its `data-label`. */
export const CARD_ROW = "max-sm:block max-sm:space-y-2 max-sm:px-4 max-sm:py-3";
export const CARD_CELL =
  "px-4 py-2 align-top max-sm:block max-sm:p-0 max-sm:before:block max-sm:before:text-xs max-sm:before:font-medium max-sm:before:text-slate-600 max-sm:before:uppercase max-sm:before:content-[attr(data-label)]";

export function ResponsiveTable({ caption, columns, children }: ResponsiveTableProps) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table role="table" className="min-w-full divide-y divide-slate-200 text-sm max-sm:block">
        <caption className="px-4 py-3 text-left font-semibold text-slate-700 max-sm:block">{caption}</caption>
        <thead
          role="rowgroup"
          className="bg-slate-50 text-left text-xs tracking-wide text-slate-600 uppercase max-sm:sr-only"
        >
          <tr role="row">
            {columns.map((column) => {
              const name = typeof column === "string" ? column : column.hidden;
              return (
                <th key={name} role="columnheader" scope="col" className="px-4 py-2">
                  {typeof column === "string" ? column : <span className="sr-only">{name}</span>}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody role="rowgroup" className="divide-y divide-slate-100 max-sm:block">
          {children}
        </tbody>
      </table>
    </div>
  );
}
