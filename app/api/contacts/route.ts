import { authenticateBearer } from "@/lib/auth/bearer";
import { AuthorizationUnavailableError } from "@/lib/authz/cerbos-client";
import { getContactPermissions } from "@/lib/contacts/contact-permissions";
import { apiError } from "@/lib/http/api-errors";

export const dynamic = "force-dynamic";

/** The original demo's `/protected`: the contacts and what the token's user may do with each. */
export async function GET(request: Request) {
  const auth = await authenticateBearer(request);
  if (auth.status === "missing") return apiError("unauthorized");
  if (auth.status === "unavailable") return apiError("authentication_unavailable");
  if (auth.status !== "signed-in") return apiError("unauthorized", { bearerError: "invalid_token", message: "The access token is invalid or expired." });
  try {
    const permissions = await getContactPermissions(auth.user);
    return Response.json(
      {
        user: { sub: auth.user.sub, roles: permissions.roles },
        contacts: permissions.contacts.map(({ id, name, owner, actions }) => ({ id, name, owner, actions })),
      },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    if (error instanceof AuthorizationUnavailableError) return apiError("authorization_unavailable");
    throw error;
  }
}
