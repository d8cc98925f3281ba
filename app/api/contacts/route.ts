import { createContact } from "@/lib/contacts/contact-mutations";
import { listContactsForUser } from "@/lib/contacts/contact-reads";
import { listQueryFrom } from "@/lib/contacts/list-query";
import { apiError } from "@/lib/api/errors";
import { mutationResponse, readJsonObject, withBearerUser } from "@/lib/api/bearer-handler";
import { toApiContact } from "@/lib/api/contact-json";

export const dynamic = "force-dynamic";

/** The contacts the token's user may read (filtered by Cerbos's plan in the database), with what they may do. */
export async function GET(request: Request) {
  return withBearerUser(request, async (user) => {
    const query = listQueryFrom(new URL(request.url).searchParams);
    if (!query.success)
      return apiError("bad_request", { message: query.error.issues.map((issue) => issue.message).join(" ") });
    const list = await listContactsForUser(user, query.data);
    return Response.json(
      {
        user: { sub: user.sub, roles: list.roles },
        contacts: list.contacts.map(toApiContact),
        page: list.page,
        pageSize: list.pageSize,
        total: list.total,
        totalExact: list.totalExact,
      },
      { headers: { "Cache-Control": "no-store" } },
    );
  });
}

export async function POST(request: Request) {
  return withBearerUser(request, async (user) => {
    const body = await readJsonObject(request);
    if (body instanceof Response) return body;
    return mutationResponse(await createContact(user, body), 201);
  });
}
