import type {
  CreateGroupRequest,
  CreateUserPoolClientRequest,
  CreateUserPoolRequest,
} from "@aws-sdk/client-cognito-identity-provider";
import type { ProvisionOptions } from "@/scripts/provision/args";

/** Everything the app needs from Cognito, as the create calls take it. Pure. */
type PoolFixed = Pick<CreateUserPoolRequest, "UsernameAttributes" | "UsernameConfiguration">;

export type DesiredState = {
  /** `fixed` cannot change once the pool exists; `settings` can (UpdateUserPool). */
  pool: { PoolName: string; fixed: PoolFixed; settings: Omit<CreateUserPoolRequest, "PoolName" | keyof PoolFixed> };
  client: Omit<CreateUserPoolClientRequest, "UserPoolId" | "GenerateSecret"> & { ClientName: string };
  groups: { GroupName: string; settings: Pick<CreateGroupRequest, "Description" | "Precedence"> }[];
  domainPrefix: string;
};

/** The app's routes Cognito redirects to (lib/auth/next-auth.ts's provider id; lib/auth/session/sign-out.ts). */
export const CALLBACK_PATH = "/api/auth/callback/cognito";
export const SIGN_OUT_PATH = "/sign-in?signedOut=1";

// The app asks the Hosted UI for these (lib/auth/next-auth.ts): aws.cognito.signin.user.admin lets the session's
// access token call GlobalSignOut ("sign out everywhere") and GetUser.
export const OAUTH_SCOPES = ["openid", "email", "profile", "aws.cognito.signin.user.admin"];

/** Lower precedence wins when a user is in both groups (the token's cognito:preferred_role). */
export const GROUPS = [
  { GroupName: "admin", settings: { Description: "Administrators", Precedence: 1 } },
  { GroupName: "user", settings: { Description: "Regular users", Precedence: 2 } },
];

export const createPoolInput = (pool: DesiredState["pool"]): CreateUserPoolRequest => ({
  PoolName: pool.PoolName,
  ...pool.fixed,
  ...pool.settings,
});

export function desiredState(options: ProvisionOptions): DesiredState {
  if (!options.domainPrefix) throw new Error("desiredState needs a domain prefix");
  return {
    pool: {
      PoolName: options.poolName,
      // The app signs in with the email as the username (lib/auth/sign-in), as the stand-in's seeded pool does.
      fixed: { UsernameAttributes: ["email"], UsernameConfiguration: { CaseSensitive: false } },
      settings: {
        AutoVerifiedAttributes: ["email"],
        Policies: {
          PasswordPolicy: {
            MinimumLength: 12,
            RequireUppercase: true,
            RequireLowercase: true,
            RequireNumbers: true,
            RequireSymbols: true,
            TemporaryPasswordValidityDays: 7,
          },
        },
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: !options.selfSignUp },
        AccountRecoverySetting: { RecoveryMechanisms: [{ Name: "verified_email", Priority: 1 }] },
        DeletionProtection: "ACTIVE",
      },
    },
    client: {
      ClientName: options.clientName,
      ExplicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
      PreventUserExistenceErrors: "ENABLED",
      EnableTokenRevocation: true,
      AllowedOAuthFlows: ["code"],
      AllowedOAuthScopes: OAUTH_SCOPES,
      AllowedOAuthFlowsUserPoolClient: true,
      SupportedIdentityProviders: ["COGNITO"],
      CallbackURLs: options.appUrls.map((url) => `${url}${CALLBACK_PATH}`),
      LogoutURLs: options.appUrls.map((url) => `${url}${SIGN_OUT_PATH}`),
      AccessTokenValidity: 60,
      IdTokenValidity: 60,
      RefreshTokenValidity: 30,
      TokenValidityUnits: { AccessToken: "minutes", IdToken: "minutes", RefreshToken: "days" },
    },
    groups: GROUPS,
    domainPrefix: options.domainPrefix,
  };
}
