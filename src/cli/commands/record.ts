// `mm record --market X --out FILE`: follows the markets' feed as the engine does and appends every frame sent and received to FILE.
import type { CommandModule } from "yargs";
import { settingsOptions, type SettingsArgs } from "../common-options.js";
import { withEndpointOptions, type EndpointArgs } from "../endpoint-options.js";

export interface RecordArgs extends EndpointArgs, SettingsArgs {
  market: string[];
  out: string;
  duration?: number;
  demoRate: number;
  verbose: boolean;
}

export const recordCommand: CommandModule<object, RecordArgs> = {
  command: "record",
  describe: "Record the markets' WebSocket session (every frame, with the markets' metadata) for mm inspect, mm backtest and mm sim --replay",
  builder: (y) =>
    withEndpointOptions(y)
      .option("market", { type: "string", array: true, demandOption: true, describe: "Market slug, condition id or token id (repeatable)" })
      .option("out", { type: "string", demandOption: true, describe: "Recording file to write (JSON Lines; replaced if it exists)" })
      .option("duration", { type: "number", describe: "Stop after this many seconds (default: until Ctrl-C)" })
      .option("demo-rate", { type: "number", default: 100, describe: "Market messages per second of the embedded exchange (--demo)" })
      .options(settingsOptions({ setExample: "feed.pingMs=5000", configNote: " (the feed section applies)" }))
      .option("verbose", { type: "boolean", default: false, describe: "Log feed diagnostics to stderr" })
      .example("$0 record --demo --market 1 --out session.jsonl --duration 30", "30 s of the embedded exchange") as never,
  handler: async (args) => (await import("../record/record-handler.js")).handleRecord(args),
};
