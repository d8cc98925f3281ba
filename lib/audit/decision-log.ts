import { z } from "zod";

/**
 * The PDP's decision log (cerbos/config.yaml: audit, backend "file"): one JSON object per line, one line per
 * CheckResources or PlanResources call. Pure: parses lines into one entry per resource and action, newest first.
 * Only the fields shown are read, and every other field is ignored, so a newer PDP adding fields changes nothing; a
 * line that does not fit (an access log line, a torn last line) is skipped and counted.
 */

const principalSchema = z.object({ id: z.string(), roles: z.array(z.string()).default([]) });
const effectSchema = z.object({ effect: z.string(), policy: z.string().default("") });

const checkSchema = z.object({
  inputs: z.array(
    z.object({
      requestId: z.string().default(""),
      resource: z.object({ kind: z.string(), id: z.string() }),
      principal: principalSchema,
    }),
  ),
  outputs: z.array(z.object({ resourceId: z.string(), actions: z.record(z.string(), effectSchema).default({}) })),
});

const planSchema = z.object({
  input: z.object({
    requestId: z.string().default(""),
    actions: z.array(z.string()).default([]),
    principal: principalSchema,
    resource: z.object({ kind: z.string() }),
  }),
  output: z.object({ filter: z.object({ kind: z.string() }).optional() }),
});

const decisionLineSchema = z.object({
  "log.kind": z.literal("decision"),
  callId: z.string(),
  timestamp: z.string(),
  checkResources: checkSchema.optional(),
  planResources: planSchema.optional(),
  auditTrail: z.object({ effectivePolicies: z.record(z.string(), z.unknown()).default({}) }).optional(),
});

export type DecisionEntry = {
  callId: string;
  time: string;
  requestId: string;
  principal: { id: string; roles: string[] };
  resource: { kind: string; id: string };
  action: string;
  /** "ALLOW" / "DENY" for a check; for a plan, the filter's kind: "ALWAYS_ALLOWED", "ALWAYS_DENIED", "CONDITIONAL". */
  effect: string;
  /** The policy that decided (a check), or the policies the plan was built from. */
  policy: string;
  call: "check" | "plan";
};

export type ParsedDecisionLog = { entries: DecisionEntry[]; skipped: number };

const withoutPrefix = (value: string, prefix: string) =>
  value.startsWith(prefix) ? value.slice(prefix.length) : value;

/** A plan is about every resource of a kind, not one: its id is shown as "*". */
export const PLAN_RESOURCE_ID = "*";

function entriesOf(line: z.infer<typeof decisionLineSchema>): DecisionEntry[] {
  const base = { callId: line.callId, time: line.timestamp };
  const entries: DecisionEntry[] = [];
  for (const input of line.checkResources?.inputs ?? []) {
    const output = line.checkResources?.outputs.find(({ resourceId }) => resourceId === input.resource.id);
    for (const [action, { effect, policy }] of Object.entries(output?.actions ?? {})) {
      const { requestId, principal, resource } = input;
      entries.push({
        ...base,
        requestId,
        principal,
        resource,
        action,
        effect: withoutPrefix(effect, "EFFECT_"),
        policy,
        call: "check",
      });
    }
  }
  const plan = line.planResources;
  if (plan) {
    const policy = Object.keys(line.auditTrail?.effectivePolicies ?? {}).join(", ");
    const effect = withoutPrefix(plan.output.filter?.kind ?? "UNKNOWN", "KIND_");
    const resource = { kind: plan.input.resource.kind, id: PLAN_RESOURCE_ID };
    for (const action of plan.input.actions) {
      const { requestId, principal } = plan.input;
      entries.push({ ...base, requestId, principal, resource, action, effect, policy, call: "plan" });
    }
  }
  return entries;
}

/** Every decision in `text` (the log or its tail), newest first, at most `limit`. */
export function parseDecisionLog(text: string, limit: number): ParsedDecisionLog {
  let skipped = 0;
  const entries: DecisionEntry[] = [];
  const lines = text.split("\n").filter((line) => line.trim() !== "");
  for (const raw of lines.reverse()) {
    if (entries.length >= limit) break;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      skipped += 1;
      continue;
    }
    const parsed = decisionLineSchema.safeParse(json);
    if (!parsed.success) {
      skipped += 1;
      continue;
    }
    // Within one call, in the order asked.
    entries.push(...entriesOf(parsed.data));
  }
  return { entries: entries.slice(0, limit), skipped };
}
