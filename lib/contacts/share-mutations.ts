import "server-only";
import type { z } from "zod";
import type { CurrentUser } from "@/lib/auth/current-user";
import { checkShareAccess } from "@/lib/authz/check-share-action";
import { fieldErrorsOf } from "@/lib/contacts/contact-input";
import {
  findDirectoryUserByEmail,
  findShare,
  MAX_SHARES_PER_CONTACT,
  removeShare,
  upsertShare,
} from "@/lib/contacts/contact-shares";
import { findContactById } from "@/lib/contacts/contact-store";
import {
  type MutationContext,
  type MutationResult,
  type MutationSpec,
  type Refusal,
  runMutation,
} from "@/lib/contacts/guarded-mutation";
import { loadSharedContact, type SharedContact, sharedContactResource } from "@/lib/contacts/share-reads";
import { shareInputSchema, type ShareInput, unshareInputSchema, type UnshareInput } from "@/lib/contacts/share-input";
import { type ShareView, toShareView } from "@/lib/contacts/share-view";

export type ShareChange = "added" | "changed" | "unchanged" | "removed";

/** What a share mutation did (the share as it is now; null once removed), or why it did nothing. */
type ShareOutcome =
  { status: "ok"; change: ShareChange; share: ShareView | null } | { status: "no-share"; message: string };

export type ShareResult = ShareOutcome | Exclude<MutationResult, { status: "ok" }>;

type Invalid = Extract<MutationResult, { status: "invalid" }>;

/** Like a contact mutation's spec, except that the write reports what changed in the shares. */
type ShareSpec<Input> = Omit<MutationSpec<Input, SharedContact>, "write"> & {
  write(ctx: MutationContext, loaded: SharedContact, input: Input): Promise<ShareOutcome | Refusal | Invalid>;
};

function parseWith<T>(schema: z.ZodType<T>) {
  return (raw: unknown) => {
    const result = schema.safeParse(raw);
    return result.success
      ? ({ ok: true, input: result.data } as const)
      : ({ ok: false, fieldErrors: fieldErrorsOf(result.error) } as const);
  };
}

const invalidEmail = (message: string): Invalid => ({ status: "invalid", fieldErrors: { email: [message] } });

/** Runs through runMutation (authenticate → parse → load → authorize → write), keeping the write's share outcome. */
async function runShareMutation<Input>(user: CurrentUser | null, raw: unknown, spec: ShareSpec<Input>) {
  let outcome: ShareOutcome | undefined;
  const result = await runMutation(user, raw, {
    ...spec,
    async write(ctx, loaded, input): Promise<MutationResult> {
      const written = await spec.write(ctx, loaded, input);
      if (written.status !== "ok" && written.status !== "no-share") return written;
      outcome = written;
      // What the mutation log line says: a share that was not there is the API's 404.
      return written.status === "ok" ? { status: "ok", contact: null } : { status: "not-found" };
    },
  });
  if (outcome) return outcome;
  if (result.status === "ok") throw new Error("share mutation: a write without an outcome");
  return result;
}

/** Sharing is decided on the loaded contact with its current shares: not readable is a 404, not shareable a 403. */
async function authorizeShare(ctx: MutationContext, loaded: SharedContact): Promise<Refusal | null> {
  const access = await checkShareAccess(ctx.principal, sharedContactResource(loaded), ctx.cerbos);
  if (!access.read.allowed) return { status: "not-found" };
  if (access.share.allowed) return null;
  return { status: "forbidden", message: `You may not share this contact (${access.share.reason}).` };
}

const load = (ctx: MutationContext, input: { contactId: string }) => loadSharedContact(ctx.db, input.contactId);

const shareSpec: ShareSpec<ShareInput> = {
  name: "contact.share",
  parse: parseWith(shareInputSchema),
  load,
  authorize: authorizeShare,
  // The directory is asked only after authorization: nobody may probe who has an account by sharing.
  async write(ctx, { row }, input) {
    const sharee = await findDirectoryUserByEmail(ctx.db, input.email);
    if (!sharee) return invalidEmail("No user with that email in the directory.");
    if (sharee.sub === ctx.principal.id) return invalidEmail("You cannot share a contact with yourself.");
    if (sharee.sub === row.owner) return invalidEmail(`${sharee.email} owns this contact and has full access already.`);
    const share = { contactId: row.id, sub: sharee.sub, role: input.role, sharedBy: ctx.principal.id };
    const change = await upsertShare(ctx.db, share);
    if (change === "contact-gone") return { status: "not-found" };
    if (change === "limit") {
      return invalidEmail(
        `This contact is shared with ${MAX_SHARES_PER_CONTACT} people already, the most allowed. Remove someone first.`,
      );
    }
    const stored = await findShare(ctx.db, row.id, sharee.sub);
    return { status: "ok", change, share: stored && toShareView(stored) };
  },
};

const unshareSpec: ShareSpec<UnshareInput> = {
  name: "contact.unshare",
  parse: parseWith(unshareInputSchema),
  load,
  authorize: authorizeShare,
  async write(ctx, { row }, input) {
    const sharee = await findDirectoryUserByEmail(ctx.db, input.email);
    if (sharee && (await removeShare(ctx.db, row.id, sharee.sub)))
      return { status: "ok", change: "removed", share: null };
    // Gone in between is "no such contact", not "no such share".
    if (!(await findContactById(ctx.db, row.id))) return { status: "not-found" };
    return { status: "no-share", message: `This contact is not shared with ${input.email}; nothing was changed.` };
  },
};

/** Shares a contact with a directory user as viewer or editor, or changes their role: `{ contactId, email, role }`. */
export const shareContact = (user: CurrentUser | null, input: unknown) => runShareMutation(user, input, shareSpec);

/** Revokes one person's share, effective at their next request: `{ contactId, email }`. */
export const unshareContact = (user: CurrentUser | null, input: unknown) => runShareMutation(user, input, unshareSpec);
