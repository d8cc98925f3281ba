import type { StackProfile } from "@/scripts/stack/profiles";

export type DemoUser = { email: string; password: string; note: string };

/** A boxed summary once everything is healthy: where to go and who to sign in as. Never prints secrets. */
export function printBanner(profile: StackProfile, appUrl: string, users: DemoUser[]): void {
  const table = [["Demo user", "Password", ""], ...users.map((user) => [user.email, user.password, user.note])];
  const widths = [0, 1, 2].map((column) => Math.max(...table.map((row) => (row[column] ?? "").length)));
  const formatRow = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  ");
  const lines = [
    `Local stack ready (${profile.name})`,
    "",
    `App:                ${appUrl}`,
    `Cognito stand-in:   http://127.0.0.1:${profile.cognitoPort}`,
    `Cerbos PDP:         http://127.0.0.1:${profile.cerbosHttpPort}`,
    "",
    formatRow(table[0] ?? []),
    ...table.slice(1).map(formatRow),
    "",
    "Ctrl-C stops everything.",
  ];
  const width = Math.max(...lines.map((line) => line.length));
  const border = `+${"-".repeat(width + 2)}+`;
  console.log(["", border, ...lines.map((line) => `| ${line.padEnd(width)} |`), border, ""].join("\n"));
}
