import "@/cognito/quiet-aws-sdk";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { loadConfig } from "cognito-local/lib/server/config.js";
import { Router } from "cognito-local/lib/server/Router.js";
import { createServer } from "cognito-local/lib/server/server.js";
import { DateClock, LambdaService, MessagesService, TriggersService } from "cognito-local/lib/services/index.js";
import { CognitoServiceFactoryImpl } from "cognito-local/lib/services/cognitoService.js";
import { CryptoService } from "cognito-local/lib/services/crypto.js";
import { StormDBDataStoreFactory } from "cognito-local/lib/services/dataStore/stormDb.js";
import { ConsoleMessageSender } from "cognito-local/lib/services/messageDelivery/consoleMessageSender.js";
import { MessageDeliveryService } from "cognito-local/lib/services/messageDelivery/messageDelivery.js";
import { otp } from "cognito-local/lib/services/otp.js";
import { JwtTokenGenerator } from "cognito-local/lib/services/tokenGenerator.js";
import { UserPoolServiceFactoryImpl } from "cognito-local/lib/services/userPoolService.js";
import type { Services } from "cognito-local/lib/services/index.js";
import type { Context } from "cognito-local/lib/services/context.js";
import type { LambdaService as LambdaServiceType } from "cognito-local/lib/services/lambda.js";
import { withOriginJti, withRefreshOrigins } from "@/cognito/token-origin";

/** cognito-local's services plus its Express app, built for one state directory. */
export type Core = {
  services: Services;
  ctx: Context;
  /** cognito-local's own Express app (JSON API, JWKS): the fallback for every request the stand-in does not handle. */
  app: RequestListener;
  /** Calls a cognito-local API target directly, bypassing the HTTP shim (the Hosted UI has authenticated the client itself). */
  call(target: string, request: object): Promise<unknown>;
};

/** cognito-local's own pino (7.x) logger type, which the app's pino (a newer major) does not match. */
type Logger = Parameters<typeof createServer>[1];
type PinoModule = { pino: (options: { level: string }) => Logger };

function createLogger(debug: boolean): Logger {
  // pino is cognito-local's dependency, not ours: resolve it from there so hoisting changes cannot break us.
  const local = createRequire(createRequire(import.meta.url).resolve("cognito-local/package.json"));
  const { pino } = local("pino") as PinoModule;
  // cognito-local logs every Cognito error at warn (with request bodies at debug); the stand-in logs its own lines.
  return pino({ level: debug ? "debug" : "error" });
}

/** cognito-local reads `<dir>/config.json`; the issuer must be our own URL so tokens carry `iss = <url>/<poolId>`. */
async function writeConfig(stateDir: string, issuerDomain: string): Promise<void> {
  const file = path.join(stateDir, "config.json");
  const existing: Record<string, unknown> = existsSync(file) ? JSON.parse(await readFile(file, "utf8")) : {};
  const tokenConfig = typeof existing.TokenConfig === "object" && existing.TokenConfig ? existing.TokenConfig : {};
  const config = {
    UserPoolDefaults: { UsernameAttributes: ["email"] },
    ...existing,
    TokenConfig: { ...tokenConfig, IssuerDomain: issuerDomain },
  };
  await writeFile(file, `${JSON.stringify(config, null, 2)}\n`);
}

/** Mirrors cognito-local's createDefaultServer, which hard-codes `.cognito/` under the working directory. */
export async function createCore(stateDir: string, issuerDomain: string, debug = false): Promise<Core> {
  await mkdir(stateDir, { recursive: true });
  await writeConfig(stateDir, issuerDomain);
  const logger = createLogger(debug);
  const ctx: Context = { logger };
  const config = await loadConfig(ctx, new StormDBDataStoreFactory(stateDir));
  const clock = new DateClock();
  const dataDir = path.join(stateDir, "db");
  const dataStoreFactory = new StormDBDataStoreFactory(dataDir);
  const cognito = await new CognitoServiceFactoryImpl(
    dataDir,
    dataStoreFactory,
    new UserPoolServiceFactoryImpl(clock, dataStoreFactory),
  ).create(ctx, config.UserPoolDefaults);
  // No Lambda triggers are configured, so the Lambda client is never called: skip constructing an aws-sdk v2 client.
  const lambda = new LambdaService(config.TriggerFunctions, {} as ConstructorParameters<typeof LambdaServiceType>[1]);
  const triggers = new TriggersService(clock, cognito, lambda, new CryptoService(config.KMSConfig));
  const services: Services = {
    clock,
    cognito,
    config,
    messages: new MessagesService(triggers, new MessageDeliveryService(new ConsoleMessageSender())),
    otp,
    tokenGenerator: withOriginJti(new JwtTokenGenerator(clock, triggers, config.TokenConfig)),
    triggers,
  };
  const router = withRefreshOrigins(Router(services));
  // Passing no services leaves out cognito-local's own /oauth2 routes: the stand-in's Hosted UI replaces them.
  const server = createServer(router, logger, config.ServerConfig);
  const app = server.application as (req: IncomingMessage, res: ServerResponse) => void;
  return { services, ctx, app, call: (target, request) => router(target)(ctx, request) };
}
