/**
 * Text that LIKE and ILIKE match literally: its wildcards (`%`, `_`) and the escape character (`\`, PostgreSQL's
 * default, so no ESCAPE clause is needed) are escaped. Pure; for the search box and for query plans alike.
 */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, "\\$&");
}
