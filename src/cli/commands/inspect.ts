// `mm inspect FILE [--json]`: replays a recorded market WebSocket session through the parser and books and says what is in it.
import { statSync } from "node:fs";
import type { CommandModule } from "yargs";
import type { BookHashMeta } from "../../domain/book/book-hash.js";
import { PRICE_SCALE, parsePrice, parseSize } from "../../domain/units.js";
import { UserError } from "../errors.js";
import { formatReport } from "../inspect/format-report.js";
import { inspectFile } from "../inspect/inspect-recording.js";

interface InspectArgs {
  file: string;
  json: boolean;
  minOrderSize?: string;
  negRisk?: boolean;
  tickSize?: string;
  lastTradePrice?: string;
}

/** Hash metadata from the flags, kept as the exact text the exchange hashes ("0.500" is not "0.5"). */
function hashMetaFrom(args: InspectArgs): Partial<BookHashMeta> {
  const meta: Partial<BookHashMeta> = {};
  if (args.minOrderSize !== undefined) {
    if (parseSize(args.minOrderSize) === null) throw new UserError(`--min-order-size ${JSON.stringify(args.minOrderSize)} is not a decimal size; pass e.g. --min-order-size 5`, 2);
    meta.minOrderSize = args.minOrderSize;
    // neg_risk is false for most markets: assume it unless --neg-risk says otherwise.
    meta.negRisk = args.negRisk ?? false;
  } else if (args.negRisk !== undefined) meta.negRisk = args.negRisk;
  if (args.tickSize !== undefined) {
    const tick = parsePrice(args.tickSize);
    if (tick === null || tick <= 0 || tick >= PRICE_SCALE) throw new UserError(`--tick-size ${JSON.stringify(args.tickSize)} is not a tick size; pass it as the exchange writes it, e.g. --tick-size 0.01`, 2);
    meta.tickSize = args.tickSize;
  }
  if (args.lastTradePrice !== undefined) {
    const price = parsePrice(args.lastTradePrice);
    if (price === null || price > PRICE_SCALE) throw new UserError(`--last-trade-price ${JSON.stringify(args.lastTradePrice)} is not a price between 0 and 1; pass it as the exchange writes it, e.g. --last-trade-price 0.500`, 2);
    meta.lastTradePrice = args.lastTradePrice;
  }
  return meta;
}

function checkFile(file: string): void {
  let isFile: boolean;
  try {
    isFile = statSync(file).isFile();
  } catch {
    throw new UserError(`${file} does not exist; pass the path of a recording (JSON Lines), e.g. mm inspect data/session.jsonl`, 2);
  }
  if (!isFile) throw new UserError(`${file} is not a file; pass the path of a recording (JSON Lines)`, 2);
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
  handler: async (args) => {
    const meta = hashMetaFrom(args);
    checkFile(args.file);
    let result: Awaited<ReturnType<typeof inspectFile>>;
    try {
      result = await inspectFile(args.file, meta);
    } catch (err) {
      if (err instanceof Error && err.message.startsWith("the recording's meta line")) throw new UserError(`${args.file}: ${err.message}`, 2);
      if (typeof (err as NodeJS.ErrnoException).code !== "string") throw err;
      throw new UserError(`could not read ${args.file}: ${(err as Error).message}`, 2);
    }
    process.stdout.write(args.json ? JSON.stringify(result.report) + "\n" : formatReport(args.file, result.report, result.details));
  },
};
