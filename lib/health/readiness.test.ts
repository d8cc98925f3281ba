import { describe, expect, it } from "vitest";
import { checkReadiness, runProbe, type Probe } from "@/lib/health/readiness";

const ok: Probe = async () => undefined;
const failing: Probe = async () => {
  throw new Error("connection refused to 10.0.0.5");
};
/** Ignores its signal and never settles: the deadline alone must answer. */
const deaf: Probe = () => new Promise<void>(() => undefined);

describe("runProbe", () => {
  it("reports ok with a latency", async () => {
    const result = await runProbe({ probe: ok, timeoutMs: 1_000 });
    expect(result.status).toBe("ok");
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("reports a failure as unavailable, without its message", async () => {
    const result = await runProbe({ probe: failing, timeoutMs: 1_000 });
    expect(result).toEqual({ status: "unavailable", latencyMs: expect.any(Number) });
  });

  it("answers at the deadline even when the probe never settles", async () => {
    const started = performance.now();
    const result = await runProbe({ probe: deaf, timeoutMs: 150 });
    expect(result.status).toBe("unavailable");
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("aborts the probe's signal at the deadline", async () => {
    let aborted = false;
    const listening: Probe = (signal) =>
      new Promise<void>((_, reject) =>
        signal.addEventListener("abort", () => {
          aborted = true;
          reject(signal.reason);
        }),
      );
    await runProbe({ probe: listening, timeoutMs: 50 });
    expect(aborted).toBe(true);
  });
});

describe("checkReadiness", () => {
  it("is ok only when every dependency is", async () => {
    const all = await checkReadiness({
      cerbos: { probe: ok, timeoutMs: 100 },
      jwks: { probe: ok, timeoutMs: 100 },
      database: { probe: ok, timeoutMs: 100 },
    });
    expect(all.status).toBe("ok");
    expect(Object.keys(all.checks).sort()).toEqual(["cerbos", "database", "jwks"]);

    const one = await checkReadiness({
      cerbos: { probe: ok, timeoutMs: 100 },
      jwks: { probe: failing, timeoutMs: 100 },
      database: { probe: ok, timeoutMs: 100 },
    });
    expect(one.status).toBe("unavailable");
    expect(one.checks.jwks.status).toBe("unavailable");
    expect(one.checks.cerbos.status).toBe("ok");
  });
});
