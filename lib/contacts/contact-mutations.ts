import "server-only";
import { z } from "zod";
import { checkContactPermissions, explainContactAction } from "@/lib/authz/check-contact-action";
import { noShares, toProposedContactResource } from "@/lib/authz/contact-resources";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { ContactRow } from "@/lib/db/schema";
import {
  type ContactFields,
  contactFieldsSchema,
  contactIdSchema,
  emptyFieldErrors,
  fieldErrorsOf,
  parseContactChanges,
  plainFieldErrors,
  versionSchema,
} from "@/lib/contacts/contact-input";
import {
  deleteContactAtVersion,
  findContactById,
  findContactWithShares,
  insertContact,
  type SharedContactRecord,
  updateContactAtVersion,
} from "@/lib/contacts/contact-store";
import { toContactView } from "@/lib/contacts/contact-view";
import {
  type MutationContext,
  type MutationResult,
  type MutationSpec,
  type Refusal,
  runMutation,
} from "@/lib/contacts/guarded-mutation";

function parseWith<T>(schema: z.ZodType<T>) {
  return (raw: unknown) => {
    const result = schema.safeParse(raw);
    return result.success
      ? ({ ok: true, input: result.data } as const)
      : ({ ok: false, fieldErrors: fieldErrorsOf(result.error) } as const);
  };
}

const refuse = (reason: string, action: string): Refusal => ({
  status: "forbidden",
  message: `You may not ${action} this contact (${reason}).`,
});

/** A contact the user may not read does not exist for them (404); one they may read but not change is a 403. */
async function refuseUnlessAllowed(
  ctx: MutationContext,
  row: SharedContactRecord,
  action: "update" | "delete",
): Promise<Refusal | null> {
  const permissions = await checkContactPermissions(ctx.principal, row, ctx.cerbos);
  if (!permissions.read.allowed) return { status: "not-found" };
  return permissions[action].allowed ? null : refuse(permissions[action].reason, action);
}

function contactFieldsOf(row: ContactRow): ContactFields {
  return {
    name: row.name,
    email: row.email,
    phone: row.phone,
    company: row.company,
    notes: row.notes,
    isPrivate: row.isPrivate,
  };
}

/** With its shares: a shared editor's update is allowed by them, and the proposed state keeps them. */
async function loadCurrent(ctx: MutationContext, id: string) {
  return findContactWithShares(ctx.db, id);
}

/** After a write matched no row: gone since it was loaded, or saved by someone else in between. */
async function lostRace(ctx: MutationContext, id: string): Promise<MutationResult> {
  const current = await findContactById(ctx.db, id);
  return current ? { status: "conflict", current: toContactView(current, ctx.user.sub) } : { status: "not-found" };
}

const createSpec: MutationSpec<ContactFields, true> = {
  name: "contact.create",
  // Strict: an unknown field (such as `owner`) is an error, not silently dropped.
  parse: parseWith(contactFieldsSchema.strict()),
  load: async () => true,
  async authorize(ctx, _nothing, input) {
    const proposed = toProposedContactResource({
      owner: ctx.principal.id,
      isPrivate: input.isPrivate,
      shares: noShares(),
    });
    const decision = await explainContactAction(ctx.principal, proposed, "create", ctx.cerbos);
    return decision.allowed ? null : refuse(decision.reason, "create");
  },
  async write(ctx, _nothing, input) {
    // The owner is the principal, never a value from the request.
    return { status: "ok", contact: toContactView(await insertContact(ctx.db, ctx.principal.id, input), ctx.user.sub) };
  },
};

const updateTargetSchema = z.object({ id: contactIdSchema, version: versionSchema });
type UpdateInput = { id: string; version: number; changes: Partial<ContactFields> };

const updateSpec: MutationSpec<UpdateInput, SharedContactRecord> = {
  name: "contact.update",
  parse(raw) {
    const { changes = {}, ...target } = raw as { changes?: Record<string, unknown> };
    const parsedTarget = updateTargetSchema.safeParse(target);
    const parsedChanges = parseContactChanges(changes);
    if (!parsedTarget.success || !parsedChanges.ok) {
      const fieldErrors = Object.assign(emptyFieldErrors(), parsedChanges.ok ? {} : parsedChanges.fieldErrors);
      return {
        ok: false,
        fieldErrors: parsedTarget.success
          ? plainFieldErrors(fieldErrors)
          : fieldErrorsOf(parsedTarget.error, fieldErrors),
      };
    }
    return { ok: true, input: { ...parsedTarget.data, changes: parsedChanges.changes } };
  },
  load: (ctx, input) => loadCurrent(ctx, input.id),
  async authorize(ctx, row, input) {
    const refusal = await refuseUnlessAllowed(ctx, row, "update");
    if (refusal) return refusal;
    // The proposed attributes must be allowed too (e.g. a policy could forbid making a contact private).
    const isPrivate = input.changes.isPrivate ?? row.isPrivate;
    const proposed = toProposedContactResource({ ...row, isPrivate });
    const decision = await explainContactAction(ctx.principal, proposed, "update", ctx.cerbos);
    return decision.allowed ? null : refuse(decision.reason, "update");
  },
  async write(ctx, row, input) {
    const fields = { ...contactFieldsOf(row), ...input.changes };
    const updated = await updateContactAtVersion(ctx.db, input.id, input.version, fields);
    return updated ? { status: "ok", contact: toContactView(updated, ctx.user.sub) } : lostRace(ctx, input.id);
  },
};

// Like an update, a delete names the version it saw: deleting "whatever is current" could remove someone's edit unseen.
const deleteInputSchema = z.object({ id: contactIdSchema, version: versionSchema });
type DeleteInput = z.infer<typeof deleteInputSchema>;

const deleteSpec: MutationSpec<DeleteInput, SharedContactRecord> = {
  name: "contact.delete",
  parse: parseWith(deleteInputSchema),
  load: (ctx, input) => loadCurrent(ctx, input.id),
  authorize: (ctx, row) => refuseUnlessAllowed(ctx, row, "delete"),
  async write(ctx, row, input) {
    const deleted = await deleteContactAtVersion(ctx.db, row.id, input.version);
    return deleted ? { status: "ok", contact: null } : lostRace(ctx, row.id);
  },
};

export const createContact = (user: CurrentUser | null, fields: unknown) => runMutation(user, fields, createSpec);

/** `changes` may be partial (the API's PATCH); fields not sent keep their stored value. */
export const updateContact = (
  user: CurrentUser | null,
  input: { id: unknown; version: unknown; changes: Record<string, unknown> },
) => runMutation(user, input, updateSpec);

/** `version` is required: a stale one is a conflict, as for an update. */
export const deleteContact = (user: CurrentUser | null, input: { id: unknown; version: unknown }) =>
  runMutation(user, input, deleteSpec);
