import { defineConfig } from "drizzle-kit";

// Paths are relative to the working directory: run drizzle-kit from the repository root (the npm scripts do).
export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/db/schema.ts",
  out: "./lib/db/migrations",
  strict: true,
  verbose: true,
});
