export const dynamic = "force-dynamic";

/** Liveness for the local stack runner and load balancers; says nothing about Cognito or Cerbos. */
export function GET() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
