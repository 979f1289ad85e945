// The commands' loggers: diagnostics on stderr (stdout carries the output), or to <data-dir>/mm.log while the TUI owns the screen.
import { appendFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Logger } from "../ports/logger.js";

const fieldsText = (f?: Record<string, unknown>): string => (f ? " " + JSON.stringify(f) : "");

/** Diagnostics on stderr, prefixed `mm:` (stdout is the command's output). */
export const stderrLogger: Logger = {
  debug: () => undefined,
  info: (msg, f) => process.stderr.write(`mm: ${msg}${fieldsText(f)}\n`),
  warn: (msg, f) => process.stderr.write(`mm: warning: ${msg}${fieldsText(f)}\n`),
  error: (msg, f) => process.stderr.write(`mm: error: ${msg}${fieldsText(f)}\n`),
};

/** Appends timestamped lines to <dataDir>/mm.log (the dashboard's diagnostics). */
export function fileLogger(dataDir: string): Logger {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, "mm.log");
  const write = (level: string) => (msg: string, fields?: Record<string, unknown>) => appendFileSync(path, `${new Date().toISOString()} ${level} ${msg}${fieldsText(fields)}\n`);
  return { debug: () => undefined, info: write("info"), warn: write("warn"), error: write("error") };
}
