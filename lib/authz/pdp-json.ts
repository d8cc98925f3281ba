/**
 * The PDP's JSON for CheckResources and PlanResources requests and answers, rebuilt from the SDK's objects.
 *
 * Why rebuilt: @cerbos/http reads the body itself with the global `fetch` (no option to pass another)
 * and hands back class instances with renamed fields (`metadata`, `source`, `value`). This restores
 * the REST API's names and omits empty fields the way the PDP does, so the result reads like the
 * `curl` output; a test compares it with the PDP's own body. Fields the SDK does not model are lost.
 */
import type { PlanExpressionOperand, PlanResourcesRequestWithActions, PlanResourcesResponse } from "@cerbos/core";
import type { HTTP } from "@cerbos/http";

type CheckResourcesResponse = Awaited<ReturnType<HTTP["checkResources"]>>;
type CheckResourcesResult = CheckResourcesResponse["results"][number];

type JsonObject = Record<string, unknown>;

function resourceJson({ id, kind, policyVersion, scope }: CheckResourcesResult["resource"]): JsonObject {
  return { id, kind, ...(policyVersion && { policyVersion }), ...(scope && { scope }) };
}

function metaJson(metadata: NonNullable<CheckResourcesResult["metadata"]>): JsonObject {
  const actions = Object.fromEntries(
    Object.entries(metadata.actions).map(([action, { matchedPolicy, matchedScope }]) => [
      action,
      { ...(matchedPolicy && { matchedPolicy }), ...(matchedScope && { matchedScope }) },
    ]),
  );
  const roles = metadata.effectiveDerivedRoles;
  return { actions, ...(roles.length > 0 && { effectiveDerivedRoles: roles }) };
}

function resultJson(result: CheckResourcesResult): JsonObject {
  const { validationErrors, metadata, outputs } = result;
  return {
    resource: resourceJson(result.resource),
    actions: { ...result.actions },
    ...(validationErrors.length > 0 && { validationErrors }),
    ...(metadata && { meta: metaJson(metadata) }),
    ...(outputs.length > 0 && {
      outputs: outputs.map(({ source, value, action }) => ({ src: source, val: value, action })),
    }),
  };
}

export function toPdpResponseJson(response: CheckResourcesResponse): JsonObject {
  return {
    requestId: response.requestId,
    results: response.results.map(resultJson),
    cerbosCallId: response.cerbosCallId,
  };
}

/** The request as the REST API takes it: the SDK calls `includeMeta` `includeMetadata`; all else matches. */
export function toPdpRequestJson<T extends { includeMetadata?: boolean | undefined }>({
  includeMetadata,
  ...rest
}: T): JsonObject {
  return { ...rest, ...(includeMetadata !== undefined && { includeMeta: includeMetadata }) };
}

function planOperandJson(operand: PlanExpressionOperand): JsonObject {
  if ("operator" in operand)
    return { expression: { operator: operand.operator, operands: operand.operands.map(planOperandJson) } };
  if ("name" in operand) return { variable: operand.name };
  return { value: operand.value };
}

/** Echoes what the PDP echoes from the request (actions, kind, version, scope); the SDK drops those. */
export function toPlanResponseJson(
  request: PlanResourcesRequestWithActions,
  response: PlanResourcesResponse,
): JsonObject {
  const { policyVersion, scope } = request.resource;
  const { metadata, validationErrors } = response;
  const matchedScopes = metadata?.matchedScopes ?? {};
  return {
    requestId: response.requestId,
    actions: request.actions,
    resourceKind: request.resource.kind,
    ...(policyVersion && { policyVersion }),
    ...(scope && { scope }),
    filter: { kind: response.kind, ...("condition" in response && { condition: planOperandJson(response.condition) }) },
    ...(metadata && {
      meta: { filterDebug: metadata.conditionString, ...(Object.keys(matchedScopes).length > 0 && { matchedScopes }) },
    }),
    ...(validationErrors.length > 0 && { validationErrors }),
    cerbosCallId: response.cerbosCallId,
  };
}
