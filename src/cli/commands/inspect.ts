// `mm inspect FILE [--json]`: replays a recorded market WebSocket session through the parser and books and says what is in it.
import type { CommandModule } from "yargs";

export interface InspectArgs {
  file: string;
  json: boolean;
  minOrderSize?: string;
  negRisk?: boolean;
  tickSize?: string;
  lastTradePrice?: string;
}

export const inspectCommand: CommandModule<object, InspectArgs> = {
  command: "inspect <file>",
  describe: "Say what is in a recorded market WebSocket session (frames, events, book checks)",
  builder: (y) =>
    y
      .positional("file", { type: "string", demandOption: true, describe: "Recording: mm's JSONL, a capture JSONL, or one raw frame per line" })
      .option("json", { type: "boolean", default: false, describe: "Print one JSON object instead of a table" })
      .option("min-order-size", { type: "string", describe: "Market min order size for the book hash, as the exchange writes it (e.g. 5)" })
      .option("neg-risk", { type: "boolean", describe: "The market is neg-risk (book hash; default false)" })
      .option("tick-size", { type: "string", describe: "Tick size for books whose frame has none (book hash), e.g. 0.01" })
      .option("last-trade-price", { type: "string", describe: "Last trade price for books whose frame has none (book hash), e.g. 0.500" })
      .example("$0 inspect session.jsonl --json", "Counts as one JSON object")
      .example("$0 inspect session.jsonl --min-order-size 5 --tick-size 0.01 --last-trade-price 0.500", "Also recompute book hashes"),
  handler: async (args) => (await import("../inspect/inspect-handler.js")).handleInspect(args),
};
