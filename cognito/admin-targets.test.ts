// The admin console's Cognito calls against the real stand-in: listing, paging, filters, groups, unknown names.
import { randomUUID } from "node:crypto";
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminSetUserPasswordCommand,
  AdminUserGlobalSignOutCommand,
  ListUsersCommand,
  ListUsersInGroupCommand,
  type CognitoIdentityProviderClient,
} from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCognitoClient } from "@/cognito/seed";
import { startSeeded, type Harness } from "@/lib/testing/cognito-stand-in";

const PORT = 9444;
let h: Harness;
let cognito: CognitoIdentityProviderClient;
const prefix = `lu-${randomUUID().slice(0, 6)}`;
const emails = Array.from({ length: 7 }, (_, i) => `${prefix}-${i}@example.com`);

beforeAll(async () => {
  h = await startSeeded(PORT);
  cognito = createCognitoClient(h.url);
  for (const email of emails) {
    await cognito.send(
      new AdminCreateUserCommand({ UserPoolId: h.userPoolId, Username: email, MessageAction: "SUPPRESS" }),
    );
  }
});
afterAll(async () => {
  cognito?.destroy();
  await h?.stop();
});

const emailOf = (user: { Attributes?: { Name?: string; Value?: string }[] }) =>
  user.Attributes?.find((a) => a.Name === "email")?.Value;
const listUsers = (input: Omit<ConstructorParameters<typeof ListUsersCommand>[0], "UserPoolId">) =>
  cognito.send(new ListUsersCommand({ UserPoolId: h.userPoolId, ...input }));
const invalid = { name: "InvalidParameterException" };

describe("ListUsers", () => {
  it("pages with Limit and opaque tokens, without overlap, and gives no token on the last page", async () => {
    const filter = `email ^= "${prefix}-"`;
    const seen: string[] = [];
    let token: string | undefined;
    const sizes: number[] = [];
    do {
      const page = await listUsers({ Filter: filter, Limit: 3, PaginationToken: token });
      sizes.push(page.Users?.length ?? 0);
      seen.push(...(page.Users ?? []).map((user) => emailOf(user) ?? ""));
      token = page.PaginationToken;
    } while (token);
    expect(sizes).toEqual([3, 3, 1]);
    expect([...seen].sort()).toEqual([...emails].sort());
    expect(new Set(seen).size).toBe(7);
  });

  it("defaults to 60 per page, refuses more than 60, and refuses a token of another query or a made-up one", async () => {
    expect((await listUsers({})).Users?.length).toBe(5 + 7);
    await expect(listUsers({ Limit: 61 })).rejects.toMatchObject({
      ...invalid,
      message: expect.stringContaining("less than or equal to 60"),
    });
    const first = await listUsers({ Filter: `email ^= "${prefix}-"`, Limit: 1 });
    expect(first.PaginationToken).toEqual(expect.any(String));
    await expect(listUsers({ Limit: 1, PaginationToken: first.PaginationToken })).rejects.toMatchObject(invalid);
    await expect(listUsers({ PaginationToken: "not-a-token" })).rejects.toMatchObject(invalid);
  });

  it("filters by exact email and by prefix; the value must be quoted and the attribute searchable", async () => {
    const exact = await listUsers({ Filter: `email = "${emails[2]}"` });
    expect(exact.Users?.map(emailOf)).toEqual([emails[2]]);
    expect((await listUsers({ Filter: `email = "${prefix}-"` })).Users).toEqual([]);
    expect((await listUsers({ Filter: 'email ^= "alice@"' })).Users?.map(emailOf)).toEqual(["alice@example.com"]);
    expect((await listUsers({ Filter: "" })).Users?.length).toBe(12);
    for (const bad of [`email ^= ${prefix}`, `email ^= "${prefix}`, "email", 'email ~ "a"', 'email = "a" or 1'])
      await expect(listUsers({ Filter: bad })).rejects.toMatchObject({
        ...invalid,
        message: "Error while parsing filter.",
      });
    await expect(listUsers({ Filter: 'custom:team = "a"' })).rejects.toMatchObject({
      ...invalid,
      message: "Invalid search attribute: custom:team",
    });
  });

  it("gives each user status, enabled and creation date, and only the attributes asked for", async () => {
    const [user] = (await listUsers({ Filter: `email = "${emails[0]}"`, AttributesToGet: ["email"] })).Users ?? [];
    expect(user).toMatchObject({ UserStatus: "FORCE_CHANGE_PASSWORD", Enabled: true });
    expect(user?.UserCreateDate).toBeInstanceOf(Date);
    expect(user?.Attributes).toEqual([{ Name: "email", Value: emails[0] }]);
    const [alice] = (await listUsers({ Filter: 'email = "alice@example.com"' })).Users ?? [];
    expect(alice?.UserStatus).toBe("CONFIRMED");
    expect(alice?.Attributes?.map((a) => a.Name).sort()).toEqual(["email", "email_verified", "sub"]);
  });
});

describe("groups", () => {
  const ref = (email: string, GroupName = "user") => ({ UserPoolId: h.userPoolId, Username: email, GroupName });

  it("adds and removes by email, and both directions of listing see it, paged", async () => {
    for (const email of emails.slice(0, 3)) await cognito.send(new AdminAddUserToGroupCommand(ref(email)));
    await cognito.send(new AdminAddUserToGroupCommand(ref(emails[0] ?? "")));
    const groups = await cognito.send(new AdminListGroupsForUserCommand(ref(emails[0] ?? "")));
    expect(groups.Groups?.map((g) => g.GroupName)).toEqual(["user"]);
    const firstPage = await cognito.send(
      new ListUsersInGroupCommand({ UserPoolId: h.userPoolId, GroupName: "user", Limit: 2 }),
    );
    const input = { UserPoolId: h.userPoolId, GroupName: "user", NextToken: firstPage.NextToken };
    const rest = await cognito.send(new ListUsersInGroupCommand(input));
    const members = [...(firstPage.Users ?? []), ...(rest.Users ?? [])].map(emailOf);
    expect(members.filter((email) => email?.startsWith(prefix)).sort()).toEqual(emails.slice(0, 3));
    expect(rest.NextToken).toBeUndefined();
    await cognito.send(new AdminRemoveUserFromGroupCommand(ref(emails[0] ?? "")));
    expect((await cognito.send(new AdminListGroupsForUserCommand(ref(emails[0] ?? "")))).Groups).toEqual([]);
  });

  it("answers UserNotFoundException for an unknown user and ResourceNotFoundException for an unknown group", async () => {
    const nobody = { UserPoolId: h.userPoolId, Username: "nobody@example.com" };
    const notFound = { name: "UserNotFoundException", message: "User does not exist." };
    const calls = [
      new AdminGetUserCommand(nobody),
      new AdminListGroupsForUserCommand(nobody),
      new AdminAddUserToGroupCommand({ ...nobody, GroupName: "user" }),
      new AdminRemoveUserFromGroupCommand({ ...nobody, GroupName: "user" }),
      new AdminDisableUserCommand(nobody),
      new AdminEnableUserCommand(nobody),
      new AdminSetUserPasswordCommand({ ...nobody, Password: "Good#Pass1", Permanent: true }),
      new AdminUserGlobalSignOutCommand(nobody),
    ];
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one loop over commands of different types
    for (const call of calls) await expect(cognito.send(call as any)).rejects.toMatchObject(notFound);
    const noGroup = { name: "ResourceNotFoundException" };
    await expect(cognito.send(new AdminAddUserToGroupCommand(ref(emails[1] ?? "", "ghosts")))).rejects.toMatchObject(
      noGroup,
    );
    await expect(
      cognito.send(new AdminRemoveUserFromGroupCommand(ref(emails[1] ?? "", "ghosts"))),
    ).rejects.toMatchObject(noGroup);
    const inGroup = new ListUsersInGroupCommand({ UserPoolId: h.userPoolId, GroupName: "ghosts" });
    await expect(cognito.send(inGroup)).rejects.toMatchObject(noGroup);
    await expect(listUsersIn("local_nope")).rejects.toMatchObject(noGroup);
  });
});

const listUsersIn = (UserPoolId: string) => cognito.send(new ListUsersCommand({ UserPoolId }));
