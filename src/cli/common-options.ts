// Options several commands share (--data-dir, --config/--set), defined once so their help reads the same everywhere.

export interface SettingsArgs {
  config?: string;
  set?: string[];
}

/** --data-dir, with the command's own wording of what lives there: `.option("data-dir", dataDirOption())`. */
export function dataDirOption(describe = "Where state.json and ledger.jsonl live") {
  return { type: "string", default: "./data", describe } as const;
}

/** --config FILE and --set key=value, which loadSettings merges over config/default.json: `.options(settingsOptions({...}))`. */
export function settingsOptions(o: { setExample: string; configNote?: string }) {
  return {
    config: { type: "string", describe: `Settings file merged over config/default.json${o.configNote ?? ""}` },
    set: { type: "string", array: true, describe: `Override one setting: key=value (e.g. ${o.setExample})` },
  } as const;
}
