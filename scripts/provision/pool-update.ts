import type { UpdateUserPoolRequest, UserPoolType } from "@aws-sdk/client-cognito-identity-provider";

/**
 * UpdateUserPool resets every setting it is not given to Cognito's default (its API reference says so), so an
 * update carries the pool's current settings with ours on top. Pure.
 */
const KEPT_SETTINGS = [
  "Policies",
  "DeletionProtection",
  "LambdaConfig",
  "AutoVerifiedAttributes",
  "VerificationMessageTemplate",
  "SmsAuthenticationMessage",
  "UserAttributeUpdateSettings",
  "MfaConfiguration",
  "DeviceConfiguration",
  "EmailConfiguration",
  "SmsConfiguration",
  "UserPoolTags",
  "AdminCreateUserConfig",
  "UserPoolAddOns",
  "AccountRecoverySetting",
  "UserPoolTier",
] as const satisfies readonly (keyof UpdateUserPoolRequest & keyof UserPoolType)[];

type Settings = Partial<Pick<UpdateUserPoolRequest, (typeof KEPT_SETTINGS)[number]>>;

export function poolUpdateInput(current: UserPoolType, ours: Settings): UpdateUserPoolRequest {
  const kept: Settings = {};
  for (const key of KEPT_SETTINGS) {
    if (current[key] !== undefined) Object.assign(kept, { [key]: current[key] });
  }
  // DescribeUserPool still reports the deprecated UnusedAccountValidityDays, which UpdateUserPool refuses next to
  // PasswordPolicy.TemporaryPasswordValidityDays.
  const adminCreateUser = { ...current.AdminCreateUserConfig };
  delete adminCreateUser.UnusedAccountValidityDays;
  const passwordPolicy = { ...current.Policies?.PasswordPolicy, ...ours.Policies?.PasswordPolicy };
  return {
    ...kept,
    ...ours,
    UserPoolId: current.Id,
    Policies: { ...current.Policies, ...ours.Policies, PasswordPolicy: passwordPolicy },
    AdminCreateUserConfig: { ...adminCreateUser, ...ours.AdminCreateUserConfig },
  };
}
