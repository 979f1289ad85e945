// Loads settings: config/default.json, then --config FILE, then --set key=value, validated with the schema.
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { settingsSchema, type Settings } from "../domain/settings/schema.js";
import { packageRoot } from "./package-info.js";
import { UserError } from "./errors.js";

export interface SettingsSources {
  configFile?: string;
  /** `key.path=value` pairs, applied last. */
  sets?: string[];
  /** Overrides from dedicated flags, as dotted paths (e.g. {"feed.pingMs": 5000}). */
  overrides?: Record<string, unknown>;
}

export function defaultSettingsFile(): string {
  return join(packageRoot, "config", "default.json");
}

function readJsonFile(path: string, what: string): Record<string, unknown> {
  if (!existsSync(path)) throw new UserError(`${what} ${path} does not exist; pass an existing JSON file.`, 2);
  try {
    return JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
  } catch (err) {
    throw new UserError(`${what} ${path} is not valid JSON (${(err as Error).message}); fix the file or remove it.`, 2);
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = isObject(v) && isObject(out[k]) ? deepMerge(out[k] as Record<string, unknown>, v) : v;
  return out;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split(".");
  let node: Record<string, unknown> = target;
  for (const key of keys.slice(0, -1)) {
    if (!isObject(node[key])) throw new UserError(`--set ${path}: "${key}" is not a settings section; see config/default.json for the keys.`, 2);
    node = node[key] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1];
  if (!(last in node)) throw new UserError(`--set ${path}: unknown setting; see config/default.json for the keys.`, 2);
  node[last] = value;
}

/** A --set value: JSON when it parses (numbers, booleans, arrays), else the plain string. */
function parseSetValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function loadSettings(sources: SettingsSources = {}): Settings {
  let raw = readJsonFile(defaultSettingsFile(), "The default settings file");
  if (sources.configFile) raw = deepMerge(raw, readJsonFile(sources.configFile, "The config file"));
  raw = structuredClone(raw);
  for (const [path, value] of Object.entries(sources.overrides ?? {})) if (value !== undefined) setPath(raw, path, value);
  for (const pair of sources.sets ?? []) {
    const eq = pair.indexOf("=");
    if (eq <= 0) throw new UserError(`--set ${pair}: expected key=value, e.g. --set strategy.halfSpreadTicks=2`, 2);
    setPath(raw, pair.slice(0, eq), parseSetValue(pair.slice(eq + 1)));
  }
  const parsed = settingsSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const path = issue.path.join(".");
      const value = issue.path.reduce<unknown>((node, key) => (isObject(node) ? node[key as string] : undefined), raw);
      return `  ${path} = ${JSON.stringify(value)}: ${issue.message}`;
    });
    throw new UserError(`Invalid settings:\n${lines.join("\n")}\nFix the value in your config file or --set flag.`, 2);
  }
  return parsed.data;
}
