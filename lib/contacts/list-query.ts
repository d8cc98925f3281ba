import { z } from "zod";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "@/lib/contacts/list-limits";
import { plainText } from "@/lib/text-input";

/** `?q=&page=&pageSize=` of the contact list, shared by the page and the API. Pure. */
export const listQuerySchema = z.object({
  q: plainText("q").trim().max(100, "q must be at most 100 characters.").optional(),
  page: z.coerce.number().int("page must be a whole number.").min(1, "page starts at 1.").max(100_000).default(1),
  pageSize: z.coerce
    .number()
    .int("pageSize must be a whole number.")
    .min(1)
    .max(MAX_PAGE_SIZE, `pageSize is at most ${MAX_PAGE_SIZE}.`)
    .default(DEFAULT_PAGE_SIZE),
});

export type ListQuery = z.infer<typeof listQuerySchema>;

export function listQueryFrom(params: URLSearchParams | Record<string, string | string[] | undefined>) {
  const read = (name: string) => {
    const value = params instanceof URLSearchParams ? params.get(name) : params[name];
    const single = Array.isArray(value) ? value[0] : value;
    return single === null || single === "" ? undefined : single;
  };
  return listQuerySchema.safeParse({ q: read("q"), page: read("page"), pageSize: read("pageSize") });
}
