/**
 * The readiness probes against the real dependencies: the PDP from npm, the Cognito stand-in's JWKS, PGlite; and
 * against a PDP and a JWKS that accept connections and never answer. Ports 3780/3781 (PDP) and 9436 (stand-in).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCerbosClient } from "@/lib/authz/cerbos-client";
import { closeDatabase, createDatabase } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { readinessProbes, type ReadinessDependencies } from "@/lib/health/probes";
import { checkReadiness } from "@/lib/health/readiness";
import { startSeeded, type Harness } from "@/lib/testing/cognito-stand-in";
import { startSilentServer, type FakeServer } from "@/lib/testing/fake-servers";
import { startPdp, type PdpProcess } from "@/lib/testing/pdp-process";

let pdp: PdpProcess;
let standIn: Harness;
let silent: FakeServer;
const db = createDatabase({ driver: "pglite", dataDir: "memory://" });

beforeAll(async () => {
  [pdp, standIn, silent] = await Promise.all([startPdp(3780, 3781), startSeeded(9436), startSilentServer()]);
});
afterAll(async () => {
  await Promise.all([pdp?.stop(), standIn?.stop(), silent?.close(), closeDatabase(db)]);
});

function dependencies(overrides: Partial<ReadinessDependencies> = {}): ReadinessDependencies {
  return {
    cerbos: createCerbosClient({ url: pdp.url, timeoutMs: 1_000 }),
    jwksUri: `${standIn.url}/${standIn.userPoolId}/.well-known/jwks.json`,
    cognitoTimeoutMs: 1_000,
    database: async () => {
      await migrateDatabase(db);
      return db;
    },
    databaseTimeoutMs: 5_000,
    ...overrides,
  };
}

describe("readiness against the real dependencies", () => {
  it("is ok when the PDP, the JWKS and the database answer", async () => {
    const readiness = await checkReadiness(readinessProbes(dependencies()));
    expect(readiness).toEqual({
      status: "ok",
      checks: {
        cerbos: { status: "ok", latencyMs: expect.any(Number) },
        jwks: { status: "ok", latencyMs: expect.any(Number) },
        database: { status: "ok", latencyMs: expect.any(Number) },
      },
    });
  });

  it("says the PDP is unavailable within its deadline when it never answers", async () => {
    const started = performance.now();
    const readiness = await checkReadiness(
      readinessProbes(dependencies({ cerbos: createCerbosClient({ url: silent.url, timeoutMs: 300 }) })),
    );
    expect(readiness.status).toBe("unavailable");
    expect(readiness.checks.cerbos.status).toBe("unavailable");
    expect(readiness.checks.jwks.status).toBe("ok");
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it("says the JWKS is unavailable when it never answers, or has no such pool", async () => {
    const hung = await checkReadiness(
      readinessProbes(dependencies({ jwksUri: `${silent.url}/pool/.well-known/jwks.json`, cognitoTimeoutMs: 300 })),
    );
    expect(hung.checks.jwks.status).toBe("unavailable");
    const wrongPath = await checkReadiness(readinessProbes(dependencies({ jwksUri: `${standIn.url}/nothing-here` })));
    expect(wrongPath.checks.jwks.status).toBe("unavailable");
  });

  it("says the database is unavailable when it cannot be reached", async () => {
    const unreachable = createDatabase({
      driver: "pg",
      url: `postgres://nobody:nothing@${new URL(silent.url).host}/none`,
      connectTimeoutMs: 300,
      statementTimeoutMs: 300,
    });
    try {
      const readiness = await checkReadiness(
        readinessProbes(dependencies({ database: async () => unreachable, databaseTimeoutMs: 600 })),
      );
      expect(readiness.status).toBe("unavailable");
      expect(readiness.checks.database.status).toBe("unavailable");
    } finally {
      await closeDatabase(unreachable);
    }
  });
});
