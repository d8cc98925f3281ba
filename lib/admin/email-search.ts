import { z } from "zod";
import { plainText } from "@/lib/text-input";

/**
 * The console's search box: an email prefix, turned into Cognito's ListUsers filter `email ^= "…"`. Pure.
 * Cognito's filter grammar has no documented escape, so a quote or a backslash is refused rather than escaped: a
 * quote would end the value and let the rest of the input become filter syntax.
 */
// Cognito refuses a ListUsers Filter longer than 256 characters (InvalidParameterException, which the view would read
// as an expired page link), and `email ^= ""` takes 11 of them: 245, below an email address's 254.
const COGNITO_FILTER_MAX = 256;
const filterOf = (prefix: string) => `email ^= "${prefix}"`;
export const EMAIL_SEARCH_MAX = COGNITO_FILTER_MAX - filterOf("").length;

export const emailSearchSchema = plainText("The search")
  .transform((value) => value.trim())
  .pipe(
    z
      .string()
      .max(EMAIL_SEARCH_MAX, `The search is longer than Cognito can search for (${EMAIL_SEARCH_MAX} characters).`)
      .refine((value) => !/["\\]/.test(value), 'The search cannot contain a quote (") or a backslash (\\).'),
  );

export type EmailSearch = { ok: true; prefix: string } | { ok: false; message: string };

export function parseEmailSearch(raw: unknown): EmailSearch {
  const parsed = emailSearchSchema.safeParse(raw ?? "");
  if (parsed.success) return { ok: true, prefix: parsed.data };
  return { ok: false, message: parsed.error.issues[0]?.message ?? "The search is not valid." };
}

/** Undefined for an empty prefix: ListUsers without a filter lists everyone. */
export function listUsersFilter(prefix: string): string | undefined {
  return prefix === "" ? undefined : filterOf(prefix);
}
