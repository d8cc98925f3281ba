import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeServer, startSilentServer } from "@/lib/testing/fake-servers";
import type { CognitoSettings } from "@/lib/env";
import {
  CognitoUnavailableError,
  completeNewPassword,
  refreshTokens,
  revokeRefreshToken,
  signInWithPassword,
} from "@/lib/auth/cognito-api";

const TIMEOUT_MS = 300;
// The deadline plus room for a busy machine; without the abort signal these calls hang for minutes.
const BOUND_MS = TIMEOUT_MS + 1_500;

describe("a Cognito that accepts connections and never answers", () => {
  let blackHole: FakeServer;
  let cognito: CognitoSettings;
  beforeAll(async () => {
    blackHole = await startSilentServer();
    const issuer = `${blackHole.url}/local_AbC123`;
    cognito = {
      mode: "local",
      region: "local",
      userPoolId: "local_AbC123",
      clientId: "client123",
      clientSecret: "secret",
      issuer,
      jwksUri: `${issuer}/.well-known/jwks.json`,
      hostedUiUrl: blackHole.url,
      apiEndpoint: blackHole.url,
      timeoutMs: TIMEOUT_MS,
    };
  });
  afterAll(() => blackHole.close());

  async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; outcome: PromiseSettledResult<T> }> {
    const started = performance.now();
    const [outcome] = await Promise.allSettled([run()]);
    return { ms: performance.now() - started, outcome: outcome! };
  }

  it.each<[string, () => Promise<unknown>]>([
    ["sign-in", () => signInWithPassword(cognito, "alice@example.com", "Alice#Pass1")],
    ["the new-password challenge", () => completeNewPassword(cognito, "alice@example.com", "session", "New#Pass12")],
    ["refresh", () => refreshTokens(cognito, "refresh-token", "alice")],
  ])("fails %s with CognitoUnavailableError at the deadline", async (_, run) => {
    const { ms, outcome } = await timed(run);
    expect(outcome.status).toBe("rejected");
    const reason = (outcome as PromiseRejectedResult).reason as Error;
    expect(reason).toBeInstanceOf(CognitoUnavailableError);
    expect(reason.message).toContain(`did not answer within ${TIMEOUT_MS} ms`);
    expect(ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 20);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it("gives up revoking at the deadline, so sign-out goes on", async () => {
    const { ms, outcome } = await timed(() => revokeRefreshToken(cognito, "refresh-token"));
    expect(outcome).toEqual({ status: "fulfilled", value: false });
    expect(ms).toBeLessThan(BOUND_MS);
  });
});
