import {
  DeleteGroupCommand,
  DeleteUserPoolClientCommand,
  DeleteUserPoolCommand,
  DeleteUserPoolDomainCommand,
  UpdateUserPoolCommand,
  type CognitoIdentityProviderClient,
} from "@aws-sdk/client-cognito-identity-provider";
import type { ProvisionOptions } from "@/scripts/provision/args";
import { findClient, findPool, listGroups } from "@/scripts/provision/cognito-state";
import { GROUPS } from "@/scripts/provision/desired";
import { poolUpdateInput } from "@/scripts/provision/pool-update";

export type TeardownOutcome = "deleted" | "nothing" | "needs-yes" | "protected";

/** How to turn deletion protection off: this CLI's flag (which keeps the pool's other settings), or the console. */
export function protectionHelp(options: Pick<ProvisionOptions, "poolName">, userPoolId: string): string[] {
  return [
    `User pool ${options.poolName} (${userPoolId}) has deletion protection ACTIVE: nothing was deleted.`,
    "To delete it, turn the protection off first, either",
    `  npm run cognito:provision -- --teardown --yes --disable-deletion-protection --pool-name ${options.poolName}`,
    "  (keeps every other setting of the pool), or in the console: User pool → Settings → Deletion protection.",
    "  With the AWS CLI, `aws cognito-idp update-user-pool --deletion-protection INACTIVE` resets every setting it",
    "  is not given to its default; pass the pool's current settings with it.",
  ];
}

/** Deletes what provisioning made under --pool-name: domain, app client, groups, then the pool (and its users). */
export async function teardown(
  cognito: CognitoIdentityProviderClient,
  options: ProvisionOptions,
  out: (line: string) => void,
): Promise<TeardownOutcome> {
  const pool = await findPool(cognito, options.poolName);
  if (!pool?.Id) {
    out(`No user pool named ${options.poolName}: nothing to delete.`);
    return "nothing";
  }
  const userPoolId = pool.Id;
  const client = await findClient(cognito, userPoolId, options.clientName);
  const groups = (await listGroups(cognito, userPoolId)).filter((g) => GROUPS.some((w) => w.GroupName === g.GroupName));
  const doomed = [
    ...(pool.Domain ? [`domain ${pool.Domain}`] : []),
    ...(client ? [`app client ${options.clientName} (${client.ClientId})`] : []),
    ...groups.map((g) => `group ${g.GroupName}`),
    `user pool ${options.poolName} (${userPoolId}) with all its users`,
  ];
  if (!options.yes) {
    out("Would delete:");
    for (const line of doomed) out(`  ${line}`);
    out("Nothing deleted: add --yes to delete these.");
    return "needs-yes";
  }
  if (pool.DeletionProtection === "ACTIVE") {
    if (!options.disableDeletionProtection) {
      for (const line of protectionHelp(options, userPoolId)) out(line);
      return "protected";
    }
    await cognito.send(new UpdateUserPoolCommand(poolUpdateInput(pool, { DeletionProtection: "INACTIVE" })));
    out(`turned deletion protection off for ${options.poolName}`);
  }
  if (pool.Domain) await cognito.send(new DeleteUserPoolDomainCommand({ UserPoolId: userPoolId, Domain: pool.Domain }));
  if (client?.ClientId) {
    await cognito.send(new DeleteUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: client.ClientId }));
  }
  for (const group of groups) {
    await cognito.send(new DeleteGroupCommand({ UserPoolId: userPoolId, GroupName: group.GroupName }));
  }
  await cognito.send(new DeleteUserPoolCommand({ UserPoolId: userPoolId }));
  for (const line of doomed) out(`deleted ${line}`);
  return "deleted";
}
