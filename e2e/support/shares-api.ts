/** A small client for /api/contacts/:id/shares with one persona's Bearer token (see contacts-api.ts). */
import { expect, type APIRequestContext, type APIResponse } from "@playwright/test";
import { paths } from "@/lib/paths";

export type ApiShare = { email: string; role: "viewer" | "editor"; sharedBy: string | null; sharedAt: string };

export class SharesApi {
  constructor(
    private readonly request: APIRequestContext,
    private readonly token: string | null,
  ) {}

  private get headers(): Record<string, string> {
    return this.token ? { Authorization: `Bearer ${this.token}` } : {};
  }

  list(contactId: string): Promise<APIResponse> {
    return this.request.get(paths.apiContactShares(contactId), { headers: this.headers });
  }

  async listOk(contactId: string): Promise<ApiShare[]> {
    const response = await this.list(contactId);
    expect(response.status(), await response.text()).toBe(200);
    return ((await response.json()) as { shares: ApiShare[] }).shares;
  }

  /** Takes any body (or raw JSON text), so tests can send what the API must refuse. */
  put(contactId: string, body: Record<string, unknown> | string): Promise<APIResponse> {
    const headers = { ...this.headers, "Content-Type": "application/json" };
    return this.request.put(paths.apiContactShares(contactId), { headers, data: body });
  }

  async putOk(contactId: string, email: string, role: "viewer" | "editor", status = 201): Promise<ApiShare> {
    const response = await this.put(contactId, { email, role });
    expect(response.status(), await response.text()).toBe(status);
    return ((await response.json()) as { share: ApiShare }).share;
  }

  /** `?email=` by default; `{ body: true }` sends it as JSON instead. */
  remove(contactId: string, email?: string, { body = false } = {}): Promise<APIResponse> {
    const url = paths.apiContactShares(contactId);
    if (body) {
      const headers = { ...this.headers, "Content-Type": "application/json" };
      return this.request.delete(url, { headers, data: { email } });
    }
    return this.request.delete(url, { headers: this.headers, params: email === undefined ? undefined : { email } });
  }
}
