import { z } from "zod";
import { trustRequestIdSchema } from "@/lib/http/request-id";

/**
 * What proxy.ts needs from the environment: the canonical origin, the Hosted UI origin (for form-action) and whether
 * an incoming X-Request-Id may be kept (lib/http/request-id.ts).
 * Pure: getProxySettings() in lib/env.ts reads the environment and calls it. Only these variables, not every secret
 * getEnv() validates: the proxy has no use for them, and instrumentation.ts has already stopped a bad environment.
 */
export type ProxySettings = {
  appUrl: URL;
  formActionOrigins: string[];
  development: boolean;
  trustRequestId: boolean;
};

const httpUrl = z.url({ protocol: /^https?$/ });

const proxyEnvSchema = z.object({
  NODE_ENV: z.string().optional(),
  NEXTAUTH_URL: httpUrl,
  COGNITO_MODE: z.enum(["aws", "local"]),
  COGNITO_DOMAIN: httpUrl.optional(),
  COGNITO_LOCAL_URL: httpUrl.optional(),
  TRUST_PROXY_REQUEST_ID: trustRequestIdSchema,
});

export function proxySettingsFrom(source: Record<string, string | undefined>): ProxySettings {
  const env = proxyEnvSchema.parse(Object.fromEntries(Object.entries(source).filter(([, value]) => value)));
  const hostedUi = env.COGNITO_MODE === "local" ? env.COGNITO_LOCAL_URL : env.COGNITO_DOMAIN;
  return {
    appUrl: new URL(env.NEXTAUTH_URL),
    formActionOrigins: hostedUi ? [new URL(hostedUi).origin] : [],
    development: env.NODE_ENV === "development",
    trustRequestId: env.TRUST_PROXY_REQUEST_ID === "1",
  };
}
