/** Where a page sits in the contact list, for the pagination under it and the redirect past its end. Pure. */

/** `total` as the list counted it: exact, or (not `totalExact`) the cap the count stopped at, more existing. */
export type ListPosition = { page: number; pageSize: number; total: number; totalExact: boolean };

const numbers = new Intl.NumberFormat("en-US");

/** The last page there is, or null when the count stopped at a cap and the end is not known. */
export function lastPageOf({ pageSize, total, totalExact }: ListPosition): number | null {
  return totalExact ? Math.max(1, Math.ceil(total / pageSize)) : null;
}

/** A capped count means more rows than it reached, and it always reaches past the current page. */
export function hasNextPage(position: ListPosition): boolean {
  const last = lastPageOf(position);
  return last === null || position.page < last;
}

/** "1–25 of 26", or "1–25 of 1,000+" when counting stopped at 1,000. */
export function describeRange({ page, pageSize, total, totalExact }: ListPosition): string {
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(page * pageSize, total);
  return `${numbers.format(first)}–${numbers.format(last)} of ${numbers.format(total)}${totalExact ? "" : "+"}`;
}
