/**
 * A small client for the app's Bearer API (/api/contacts), signed in as one of the seeded personas through the
 * stand-in. Specs use it to arrange data and to check what is stored, independently of the pages under test.
 */
import { randomUUID } from "node:crypto";
import { expect, type APIRequestContext, type APIResponse } from "@playwright/test";
import { paths } from "@/lib/paths";
import { decodeClaims } from "@/e2e/support/forged-tokens";
import { personas, type Persona } from "@/e2e/support/personas";
import { signInForTokens } from "@/e2e/support/stand-in";

export type ContactInput = {
  name?: string;
  email?: string | null;
  phone?: string | null;
  company?: string | null;
  notes?: string | null;
  isPrivate?: boolean;
};

type Flags = { read: boolean; update: boolean; delete: boolean };

export type ApiContact = Required<ContactInput> & {
  id: string;
  owner: string;
  /** From the user directory; null for an owner who is not in it. */
  ownerEmail: string | null;
  ownedByUser: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** Only in reads (GET), not in the answers to POST/PATCH. */
  actions?: Flags;
  reasons?: Record<keyof Flags, string>;
};

export type ContactListBody = {
  user: { sub: string; roles: string[] };
  contacts: ApiContact[];
  page: number;
  pageSize: number;
  total: number;
  /** False when the count stopped at its cap: at least `total` match. */
  totalExact: boolean;
};

export type ApiErrorBody = {
  error: { code: string; message: string; fieldErrors?: Record<string, string[]>; current?: ApiContact };
};

/**
 * "Zz" sorts after every sample contact, so what specs create lands behind the seeded rows other specs read on
 * page one; the random part keeps parallel tests (and retries) apart.
 */
export function uniqueName(label: string): string {
  return `Zz e2e ${label} ${randomUUID().slice(0, 8)}`;
}

/** A word no sample contact (nor any other test) contains: searching for it finds only one test's contacts. */
export function uniqueWord(): string {
  return `w${randomUUID().replaceAll("-", "").slice(0, 12)}`;
}

// One sign-in per persona and worker: tokens live an hour, far longer than a run.
const tokens = new Map<Persona["key"], Promise<string>>();

export function accessTokenOf(key: Persona["key"]): Promise<string> {
  let token = tokens.get(key);
  if (!token) {
    const { email, password } = personas[key];
    token = signInForTokens(email, password).then((set) => set.accessToken);
    token.catch(() => tokens.delete(key));
    tokens.set(key, token);
  }
  return token;
}

export class ContactsApi {
  constructor(
    private readonly request: APIRequestContext,
    private readonly token: string,
    /** Told about every contact this client creates, so the test can remove it afterwards. */
    private readonly onCreated: (id: string) => void = () => {},
  ) {}

  /** The Cognito `sub` of this client's user: what the app stores as a contact's owner. */
  get sub(): string {
    return String(decodeClaims(this.token).sub);
  }

  private get headers() {
    return { Authorization: `Bearer ${this.token}` };
  }

  private url(id: string): string {
    return paths.apiContact(id);
  }

  list(query: Record<string, string | number> = {}): Promise<APIResponse> {
    return this.request.get(paths.apiContacts, { headers: this.headers, params: query });
  }

  async listOk(query: Record<string, string | number> = {}): Promise<ContactListBody> {
    const response = await this.list(query);
    expect(response.status(), await response.text()).toBe(200);
    return (await response.json()) as ContactListBody;
  }

  /** Takes any body, so tests can send fields the API must refuse. */
  async create(body: Record<string, unknown>): Promise<APIResponse> {
    const response = await this.request.post(paths.apiContacts, { headers: this.headers, data: body });
    if (response.status() === 201) this.onCreated(((await response.json()) as { contact: ApiContact }).contact.id);
    return response;
  }

  async createOk(fields: ContactInput): Promise<ApiContact> {
    const response = await this.create(fields);
    expect(response.status(), await response.text()).toBe(201);
    return ((await response.json()) as { contact: ApiContact }).contact;
  }

  get(id: string): Promise<APIResponse> {
    return this.request.get(this.url(id), { headers: this.headers });
  }

  async getOk(id: string): Promise<ApiContact> {
    const response = await this.get(id);
    expect(response.status(), await response.text()).toBe(200);
    return ((await response.json()) as { contact: ApiContact }).contact;
  }

  /** A body sent byte for byte: keys like `__proto__` survive only in JSON text, never in a JS object literal. */
  send(method: "POST" | "PATCH", json: string, id?: string): Promise<APIResponse> {
    const headers = { ...this.headers, "Content-Type": "application/json" };
    return this.request.fetch(id ? this.url(id) : paths.apiContacts, { method, headers, data: json });
  }

  patch(id: string, body: Record<string, unknown>): Promise<APIResponse> {
    return this.request.patch(this.url(id), { headers: this.headers, data: body });
  }

  /** Without a version the API answers 400: tests send one unless that is what they test. */
  remove(id: string, version?: number | string): Promise<APIResponse> {
    return this.request.delete(this.url(id), {
      headers: this.headers,
      params: version === undefined ? undefined : { version },
    });
  }

  /** Deletes whatever version is stored now (clean-up): the status of the DELETE, or the GET's 404. */
  async removeCurrent(id: string): Promise<number> {
    const current = await this.get(id);
    if (current.status() !== 200) return current.status();
    return (await this.remove(id, ((await current.json()) as { contact: ApiContact }).contact.version)).status();
  }
}
