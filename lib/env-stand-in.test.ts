import { describe, expect, it } from "vitest";
import { parsePort, parseStandInSettings, parseSwitch } from "@/lib/env-stand-in";

describe("parseStandInSettings", () => {
  it("listens on 9229 with its state in .cognito/demo and logs no requests unless told to", () => {
    expect(parseStandInSettings({})).toEqual({
      port: 9229,
      stateDir: ".cognito/demo",
      logRequests: false,
      logInternals: false,
    });
  });

  it("takes the port, the state folder (resolved) and both debug switches", () => {
    const settings = parseStandInSettings({
      COGNITO_LOCAL_PORT: "9329",
      COGNITO_LOCAL_STATE_DIR: ".cognito/e2e",
      COGNITO_DEBUG: "1",
      COGNITO_LOCAL_DEBUG: "true",
    });
    expect(settings).toEqual({
      port: 9329,
      stateDir: ".cognito/e2e",
      logRequests: true,
      logInternals: true,
    });
  });

  it("refuses a port that is not one, naming the variable", () => {
    expect(() => parseStandInSettings({ COGNITO_LOCAL_PORT: "70000" })).toThrow(/COGNITO_LOCAL_PORT/);
    expect(() => parsePort("http", "APP_PORT", 3000)).toThrow(/APP_PORT must be a port number/);
    expect(parsePort("", "APP_PORT", 3000)).toBe(3000);
  });

  it("reads a debug switch as on only for 1 or true", () => {
    expect(["1", "true", "TRUE"].map(parseSwitch)).toEqual([true, true, true]);
    expect([undefined, "", "0", "false", "no"].map(parseSwitch)).toEqual([false, false, false, false, false]);
  });
});
