// What `mm inspect` does: checks the flags and the file, replays the recording and prints the report (a table or one JSON object).
import type { BookHashMeta } from "../../domain/book/book-hash.js";
import { PRICE_SCALE, parsePrice, parseSize } from "../../domain/units.js";
import type { InspectArgs } from "../commands/inspect.js";
import { UserError } from "../errors.js";
import { checkRecordingFile, parseTickSizeFlag, recordingReadError } from "../recording-file.js";
import { formatReport } from "./format-report.js";
import { inspectFile } from "./inspect-recording.js";

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
    parseTickSizeFlag(args.tickSize);
    meta.tickSize = args.tickSize;
  }
  if (args.lastTradePrice !== undefined) {
    const price = parsePrice(args.lastTradePrice);
    if (price === null || price > PRICE_SCALE) throw new UserError(`--last-trade-price ${JSON.stringify(args.lastTradePrice)} is not a price between 0 and 1; pass it as the exchange writes it, e.g. --last-trade-price 0.500`, 2);
    meta.lastTradePrice = args.lastTradePrice;
  }
  return meta;
}

export async function handleInspect(args: InspectArgs): Promise<void> {
  const meta = hashMetaFrom(args);
  checkRecordingFile(args.file, "inspect");
  let result: Awaited<ReturnType<typeof inspectFile>>;
  try {
    result = await inspectFile(args.file, meta);
  } catch (err) {
    throw recordingReadError(args.file, err);
  }
  process.stdout.write(args.json ? JSON.stringify(result.report) + "\n" : formatReport(args.file, result.report, result.details));
}
