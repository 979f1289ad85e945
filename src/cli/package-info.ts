// Reads mm's own package.json (version) relative to the compiled file.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

/** The repository root: dist/cli/.. /.. or src/cli/../.. */
export const packageRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8")) as { version: string };
  return pkg.version;
}
