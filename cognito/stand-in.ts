import type { AuthenticationResultType } from "@aws-sdk/client-cognito-identity-provider";
import type { Core } from "@/cognito/local-core";
import { TtlStore } from "@/cognito/ttl-store";

/** Who may answer a challenge Session, from which client. */
export type ChallengeSession = { clientId: string; username: string };

/** The authorize request a login form carries (already validated). */
export type AuthorizeRequest = {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  scope: string;
  state: string;
};

export type AuthCode = {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  tokens: AuthenticationResultType;
};

/** A signed-in browser: lets /oauth2/authorize skip the form, as Cognito's Hosted UI cookie does. */
export type SsoSession = { poolId: string; username: string };

/** A user part-way through NEW_PASSWORD_REQUIRED on the Hosted UI. */
export type PendingPassword = { request: AuthorizeRequest; username: string; email: string; session: string };

/** Everything one running stand-in holds: cognito-local plus the Hosted UI's in-memory state. */
export type StandIn = {
  core: Core;
  /** `http://127.0.0.1:<port>`: also the token issuer domain. */
  baseUrl: string;
  /** Cookies ignore ports, so two stand-ins on one host must not share a cookie name. */
  ssoCookie: string;
  challenges: TtlStore<ChallengeSession>;
  codes: TtlStore<AuthCode>;
  sso: TtlStore<SsoSession>;
  pendingPasswords: TtlStore<PendingPassword>;
  log: (line: string) => void;
};

export const SSO_TTL_SECONDS = 60 * 60;

export function createStandIn(core: Core, baseUrl: string, port: number, log: (line: string) => void): StandIn {
  return {
    log,
    core,
    baseUrl,
    ssoCookie: `cognito_local_sso_${port}`,
    // Cognito's challenge sessions last 3 minutes and its authorization codes 5.
    challenges: new TtlStore(3 * 60_000),
    codes: new TtlStore(5 * 60_000),
    sso: new TtlStore(SSO_TTL_SECONDS * 1000),
    pendingPasswords: new TtlStore(3 * 60_000),
  };
}

export function issuerFor(standIn: StandIn, poolId: string): string {
  return `${standIn.baseUrl}/${poolId}`;
}
