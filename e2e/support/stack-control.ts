/**
 * Drives the running e2e stack (scripts/stack/index.ts): SIGUSR1 stops its Cerbos PDP, SIGUSR2 starts it again.
 * Only the disruptive project may use this: every other test needs the PDP up.
 */
import { readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";

const PID_FILE = ".cognito/e2e/stack.pid";
// Playwright's webServer inherits this process's env, so an overridden port reaches both the stack and the tests.
const CERBOS_HEALTH = `http://127.0.0.1:${process.env.CERBOS_HTTP_PORT || 3692}/_cerbos/health`;

function stackPid(): number {
  const pid = Number(readFileSync(PID_FILE, "utf8").trim());
  if (!Number.isInteger(pid) || pid <= 0) throw new Error(`${PID_FILE} holds no pid`);
  return pid;
}

async function cerbosHealthy(): Promise<boolean> {
  try {
    const response = await fetch(CERBOS_HEALTH, { signal: AbortSignal.timeout(1_000) });
    return response.ok;
  } catch {
    return false;
  }
}

async function waitUntil(healthy: boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await cerbosHealthy()) !== healthy) {
    if (Date.now() > deadline) throw new Error(`Cerbos did not become ${healthy ? "healthy" : "unreachable"} in time`);
    await sleep(200);
  }
}

export async function stopCerbos(): Promise<void> {
  process.kill(stackPid(), "SIGUSR1");
  await waitUntil(false, 20_000);
}

export async function startCerbos(): Promise<void> {
  if (await cerbosHealthy()) return;
  process.kill(stackPid(), "SIGUSR2");
  await waitUntil(true, 60_000);
}
