#!/usr/bin/env node
// Entry point: runs the compiled CLI (built into dist/ by `npm install` / `npm run build`).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const main = fileURLToPath(new URL("../dist/cli/main.js", import.meta.url));
if (!existsSync(main)) {
  process.stderr.write("mm: dist/ is missing; run `npm run build` in the mm folder first.\n");
  process.exit(1);
}
await import(main);
