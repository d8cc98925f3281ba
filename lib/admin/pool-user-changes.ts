import "server-only";
import {
  AdminAddUserToGroupCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminSetUserPasswordCommand,
  AdminUserGlobalSignOutCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { adminCall } from "@/lib/admin/cognito-admin-call";

/** The changes the console makes to a pool user, each one admin call under callCognito's deadline. */

export async function addToGroup(sub: string, group: string): Promise<void> {
  await adminCall("AdminAddUserToGroup", (client, options, UserPoolId) =>
    client.send(new AdminAddUserToGroupCommand({ UserPoolId, Username: sub, GroupName: group }), options),
  );
}

export async function removeFromGroup(sub: string, group: string): Promise<void> {
  await adminCall("AdminRemoveUserFromGroup", (client, options, UserPoolId) =>
    client.send(new AdminRemoveUserFromGroupCommand({ UserPoolId, Username: sub, GroupName: group }), options),
  );
}

export async function disableUser(sub: string): Promise<void> {
  await adminCall("AdminDisableUser", (client, options, UserPoolId) =>
    client.send(new AdminDisableUserCommand({ UserPoolId, Username: sub }), options),
  );
}

export async function enableUser(sub: string): Promise<void> {
  await adminCall("AdminEnableUser", (client, options, UserPoolId) =>
    client.send(new AdminEnableUserCommand({ UserPoolId, Username: sub }), options),
  );
}

/** Invalidates every refresh token Cognito issued the user, so no app instance can renew their sessions. */
export async function signOutEverywhere(sub: string): Promise<void> {
  await adminCall("AdminUserGlobalSignOut", (client, options, UserPoolId) =>
    client.send(new AdminUserGlobalSignOutCommand({ UserPoolId, Username: sub }), options),
  );
}

/**
 * A temporary password (Permanent: false): the user is FORCE_CHANGE_PASSWORD and must choose a new one at the next
 * sign-in. The password is the caller's to show once; it is never logged or stored.
 */
export async function setTemporaryPassword(sub: string, password: string): Promise<void> {
  await adminCall("AdminSetUserPassword", (client, options, UserPoolId) =>
    client.send(
      new AdminSetUserPasswordCommand({ UserPoolId, Username: sub, Password: password, Permanent: false }),
      options,
    ),
  );
}
