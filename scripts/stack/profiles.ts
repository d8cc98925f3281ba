import path from "node:path";
import { parsePort } from "@/lib/env-stand-in";

export type ProfileName = "demo" | "dev" | "e2e";

export type StackProfile = {
  name: ProfileName;
  appPort: number;
  cognitoPort: number;
  cerbosHttpPort: number;
  cerbosGrpcPort: number;
  /** Stand-in state (users, pool ids, generated local.env, stack.pid). */
  stateDir: string;
  /** Wiped at start so every test run begins with fresh users (newbie can answer its challenge only once). */
  wipeState: boolean;
  /** "build" = `next build` then `next start`; "dev" = `next dev`. */
  nextMode: "build" | "dev";
  /** e2e builds into its own dir so a test run never clobbers a running demo's `.next`. */
  distDir: string;
  /** More origins the stand-in's app client accepts Hosted UI callbacks from (the e2e's extra instances). */
  extraAppUrls?: readonly string[];
};

const demo: Omit<StackProfile, "name"> = {
  appPort: 3000,
  cognitoPort: 9229,
  cerbosHttpPort: 3592,
  cerbosGrpcPort: 3593,
  stateDir: ".cognito/demo",
  wipeState: false,
  nextMode: "build",
  distDir: ".next",
};

const defaults: Record<ProfileName, Omit<StackProfile, "name">> = {
  demo,
  // The demo's ports, users and contacts, served by `next dev`.
  dev: { ...demo, nextMode: "dev" },
  e2e: {
    appPort: 3100,
    cognitoPort: 9329,
    cerbosHttpPort: 3692,
    cerbosGrpcPort: 3693,
    stateDir: ".cognito/e2e",
    wipeState: true,
    nextMode: "build",
    distDir: ".next-e2e",
    // The disruptive specs' second instance, and the nginx in front of the scale-out specs' two instances.
    extraAppUrls: ["http://localhost:3101", "http://localhost:3104"],
  },
};

function portFromEnv(name: string, fallback: number): number {
  return parsePort(process.env[name], name, fallback);
}

export function isProfileName(value: string | undefined): value is ProfileName {
  return value === "demo" || value === "dev" || value === "e2e";
}

export function resolveProfile(name: ProfileName): StackProfile {
  const base = defaults[name];
  return {
    ...base,
    name,
    appPort: portFromEnv("APP_PORT", base.appPort),
    cognitoPort: portFromEnv("COGNITO_LOCAL_PORT", base.cognitoPort),
    cerbosHttpPort: portFromEnv("CERBOS_HTTP_PORT", base.cerbosHttpPort),
    cerbosGrpcPort: portFromEnv("CERBOS_GRPC_PORT", base.cerbosGrpcPort),
    stateDir: path.resolve(base.stateDir),
  };
}
