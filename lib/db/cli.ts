/** Shared by the database CLIs (migrate, seed): one line per failure, causes included, exit code 1. */

function describeFailure(error: unknown): string {
  const messages: string[] = [];
  for (let current: unknown = error; current instanceof Error && messages.length < 5; current = current.cause) {
    messages.push(current.message.split("\n")[0] ?? "");
  }
  return messages.length > 0 ? messages.join(": ") : String(error);
}

export function runCli(label: string, main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(`[${label}] failed: ${describeFailure(error)}`);
    process.exitCode = 1;
  });
}
