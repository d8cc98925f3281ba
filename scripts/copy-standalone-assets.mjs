#!/usr/bin/env node
// Completes `output: "standalone"`: Next leaves the browser assets out of <distDir>/standalone (a CDN may serve them),
// but this app's standalone server serves them itself. Usage: node scripts/copy-standalone-assets.mjs [distDir]
// Run by `npm run build` and by the stack runner's build. Plain Node, no dependencies: it runs before anything else.
import { cpSync, existsSync, rmSync } from "node:fs";
import path from "node:path";

const distDir = process.argv[2] || process.env.NEXT_DIST_DIR || ".next";
const standalone = path.join(distDir, "standalone");
if (!existsSync(path.join(standalone, "server.js"))) {
  console.error(`[standalone] ${standalone}/server.js not found: run next build with output "standalone" first`);
  process.exit(1);
}
const copies = [
  [path.join(distDir, "static"), path.join(standalone, distDir, "static")],
  ["public", path.join(standalone, "public")],
];
for (const [from, to] of copies) {
  if (!existsSync(from)) continue;
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true });
}
console.log(`[standalone] ${standalone} is complete: node ${path.join(standalone, "server.js")}`);
