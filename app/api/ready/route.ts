import { appReadinessDependencies, readinessProbes } from "@/lib/health/probes";
import { checkReadiness } from "@/lib/health/readiness";

export const dynamic = "force-dynamic";

/**
 * Readiness for load balancers, orchestrators and the stack runner: PDP, JWKS and database, each ok/unavailable
 * with its latency; 503 when any is down. /api/health stays the cheap liveness check (the process answers at all).
 */
export async function GET() {
  const readiness = await checkReadiness(readinessProbes(appReadinessDependencies()));
  return Response.json(readiness, {
    status: readiness.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
