import { apiError } from "@/lib/api/errors";
import { mutationResponse, readJsonObject, withBearerUser } from "@/lib/api/bearer-handler";
import { getContactSharing } from "@/lib/contacts/share-reads";
import { type ShareResult, shareContact, unshareContact } from "@/lib/contacts/share-mutations";

export const dynamic = "force-dynamic";

type RouteContext = { params: Promise<{ id: string }> };

/** The contact comes from the URL only: a `contactId` in the body is refused, never silently preferred or dropped. */
function withContactId(body: Record<string, unknown>, id: string): Record<string, unknown> | Response {
  if (Object.hasOwn(body, "contactId")) {
    return apiError("invalid", { details: { fieldErrors: { contactId: ['Unknown field "contactId".'] } } });
  }
  return { ...body, contactId: id };
}

function shareResponse(result: ShareResult): Response {
  if (result.status === "no-share") return apiError("not_found", { message: result.message });
  if (result.status !== "ok") return mutationResponse(result);
  if (!result.share) return new Response(null, { status: 204 });
  return Response.json({ share: result.share }, { status: result.change === "added" ? 201 : 200 });
}

/** Everyone the contact is shared with, for those allowed to share it (403 otherwise; 404 if they may not read it). */
export async function GET(request: Request, { params }: RouteContext) {
  const { id } = await params;
  return withBearerUser(request, async (user) => {
    const sharing = await getContactSharing(user, id);
    if (!sharing) return apiError("not_found", { message: "No such contact." });
    if (!sharing.access.share.allowed) {
      return apiError("forbidden", { message: `You may not share this contact (${sharing.access.share.reason}).` });
    }
    return Response.json({ shares: sharing.shares }, { headers: { "Cache-Control": "no-store" } });
  });
}

/** `{ "email": "…", "role": "viewer" | "editor" }`: 201 when added, 200 when the role changed or already was that. */
export async function PUT(request: Request, { params }: RouteContext) {
  const { id } = await params;
  return withBearerUser(request, async (user) => {
    const body = await readJsonObject(request);
    if (body instanceof Response) return body;
    const input = withContactId(body, id);
    return input instanceof Response ? input : shareResponse(await shareContact(user, input));
  });
}

/** `?email=…` or a JSON body `{ "email": "…" }`: 204 when revoked, 404 when there was no such share (or contact). */
export async function DELETE(request: Request, { params }: RouteContext) {
  const { id } = await params;
  return withBearerUser(request, async (user) => {
    const email = new URL(request.url).searchParams.get("email");
    // No query and no body: the mutation answers 400 with the missing email named.
    const body = email !== null ? { email } : request.headers.has("content-type") ? await readJsonObject(request) : {};
    if (body instanceof Response) return body;
    const input = withContactId(body, id);
    return input instanceof Response ? input : shareResponse(await unshareContact(user, input));
  });
}
