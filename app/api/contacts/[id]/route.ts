import { versionFromText } from "@/lib/contacts/contact-input";
import { deleteContact, updateContact } from "@/lib/contacts/contact-mutations";
import { getContactForUser } from "@/lib/contacts/contact-reads";
import { apiError } from "@/lib/api/errors";
import { toApiContact } from "@/lib/api/contact-json";
import { mutationResponse, readJsonObject, withBearerUser } from "@/lib/api/bearer-handler";

export const dynamic = "force-dynamic";

type RouteContext = { params: Promise<{ id: string }> };

/** A contact the user may not read answers exactly like one that does not exist. */
export async function GET(request: Request, { params }: RouteContext) {
  const { id } = await params;
  return withBearerUser(request, async (user) => {
    const contact = await getContactForUser(user, id);
    return contact
      ? Response.json({ contact: toApiContact(contact) }, { headers: { "Cache-Control": "no-store" } })
      : apiError("not_found", { message: "No such contact." });
  });
}

/** Partial update: `{ "version": n, …fields }`; fields not sent keep their value; a stale version is a 409. */
export async function PATCH(request: Request, { params }: RouteContext) {
  const { id } = await params;
  return withBearerUser(request, async (user) => {
    const body = await readJsonObject(request);
    if (body instanceof Response) return body;
    const { version, ...changes } = body;
    return mutationResponse(await updateContact(user, { id, version, changes }));
  });
}

/** `?version=n` (required, as for PATCH): the delete happens only if nobody has changed the contact since. */
export async function DELETE(request: Request, { params }: RouteContext) {
  const { id } = await params;
  return withBearerUser(request, async (user) => {
    const version = versionFromText(new URL(request.url).searchParams.get("version"));
    return mutationResponse(await deleteContact(user, { id, version }));
  });
}
