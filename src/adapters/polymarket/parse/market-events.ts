// Validates market-channel book-related events (book, price_change in both formats, last_trade_price, tick_size_change, best_bid_ask).
import type {
  BestBidAskEvent,
  BookEvent,
  LastTradePriceEvent,
  Level,
  PriceChangeEntry,
  PriceChangeEvent,
  RawBook,
  RawLevel,
  TickSizeChangeEvent,
} from "../../../domain/events.js";
import { PRICE_SCALE, parsePrice, parseSize, type Pips } from "../../../domain/units.js";
import { FieldError, isObject, optString, optTop, optUint, reqArray, reqId, reqPrice, reqSide, reqSize, reqString, reqTick, reqUint, type Obj } from "./fields.js";

/** Re-throws a FieldError with a location prefix such as `bids[3].`. */
export function within(err: unknown, where: string): never {
  if (err instanceof FieldError) throw new FieldError(err.reason, where + err.message);
  throw err;
}

function parseLevels(value: unknown, key: "bids" | "asks"): { levels: Level[]; raw: RawLevel[] } {
  const items = reqArray(value, key);
  const levels: Level[] = new Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!isObject(item)) throw new FieldError("bad_field", `${key}[${i}] is not an object`);
    // Fast path for the usual well-formed level (a snapshot has hundreds); the validators below only run to word an error.
    const priceText = item.price;
    const sizeText = item.size;
    if (typeof priceText === "string" && typeof sizeText === "string") {
      const price = parsePrice(priceText);
      const size = parseSize(sizeText);
      if (price !== null && price > 0 && price < PRICE_SCALE && size !== null) {
        levels[i] = { price, size };
        continue;
      }
    }
    try {
      levels[i] = { price: reqPrice(priceText, "price"), size: reqSize(sizeText, "size") };
    } catch (err) {
      within(err, `${key}[${i}].`);
    }
  }
  // Validated above: every item is an object with string price and size, so the wire array doubles as the raw levels.
  return { levels, raw: items as RawLevel[] };
}

/** The timestamp exactly as sent (the book hash needs the text) and its value in ms. */
function rawTimestamp(v: unknown): { text: string; ms: number } {
  const ms = reqUint(v, "timestamp");
  return { text: typeof v === "string" ? v : String(v), ms };
}

/** An optional price field that may also be "0" (never traded): the text is kept for the hash. */
function optPriceText(value: unknown, key: string): { text: string | null; pips: Pips | null } {
  const text = optString(value, key);
  if (text === null || text === "") return { text, pips: null };
  const pips = parsePrice(text);
  if (pips === null || pips > PRICE_SCALE) throw new FieldError("bad_price", `"${key}" is "${text}", expected a decimal between 0 and 1`);
  return { text, pips };
}

/** Book sides the fast path already read from the frame text (book-fast-path.ts): levels, and where each array's text lies. */
export interface ScannedSides {
  text: string;
  bids: Level[];
  asks: Level[];
  bidsStart: number;
  bidsEnd: number;
  asksStart: number;
  asksEnd: number;
}

/** The raw book of scanned sides: their text is the hash's canonical JSON; the level objects are parsed only if read. */
function scannedRaw(s: ScannedSides, timestamp: string, tickSize: string | null, lastTradePrice: string | null): RawBook {
  const bidsJson = s.text.slice(s.bidsStart, s.bidsEnd);
  const asksJson = s.text.slice(s.asksStart, s.asksEnd);
  let bids: RawLevel[] | undefined;
  let asks: RawLevel[] | undefined;
  return {
    timestamp,
    get bids(): RawLevel[] {
      return (bids ??= JSON.parse(bidsJson) as RawLevel[]);
    },
    get asks(): RawLevel[] {
      return (asks ??= JSON.parse(asksJson) as RawLevel[]);
    },
    tickSize,
    lastTradePrice,
    bidsJson,
    asksJson,
  };
}

/** A book event; `scanned` carries sides the fast path read (o.bids/o.asks are then the emptied arrays). */
export function parseBook(o: Obj, scanned: ScannedSides | null = null): BookEvent {
  const market = reqId(o.market, "market");
  const assetId = reqId(o.asset_id, "asset_id");
  const ts = rawTimestamp(o.timestamp);
  const hash = reqString(o.hash, "hash");
  const bids = scanned === null ? parseLevels(o.bids, "bids") : null;
  const asks = scanned === null ? parseLevels(o.asks, "asks") : null;
  const tickText = optString(o.tick_size, "tick_size");
  const tickSize = tickText === null ? null : reqTick(o.tick_size, "tick_size");
  const ltp = optPriceText(o.last_trade_price, "last_trade_price");
  return {
    type: "book",
    market,
    assetId,
    timestamp: ts.ms,
    hash,
    bids: scanned?.bids ?? bids!.levels,
    asks: scanned?.asks ?? asks!.levels,
    tickSize,
    lastTradePrice: ltp.pips,
    raw:
      scanned === null
        ? { timestamp: ts.text, bids: bids!.raw, asks: asks!.raw, tickSize: tickText, lastTradePrice: ltp.text }
        : scannedRaw(scanned, ts.text, tickText, ltp.text),
  };
}

/** One entry; `assetId`/`hash` are given for the legacy format (they sit on the frame there). The location text is built only on failure. */
function parseChange(item: unknown, i: number, assetId: string | null, hash: string | null): PriceChangeEntry {
  const where = assetId === null ? "price_changes" : "changes";
  if (!isObject(item)) throw new FieldError("bad_field", `${where}[${i}] is not an object`);
  try {
    return {
      assetId: assetId ?? reqId(item.asset_id, "asset_id"),
      price: reqPrice(item.price, "price"),
      size: reqSize(item.size, "size"),
      side: reqSide(item.side, "side"),
      hash: assetId === null ? optString(item.hash, "hash") : hash,
      bestBid: optTop(item.best_bid, "best_bid"),
      bestAsk: optTop(item.best_ask, "best_ask"),
    };
  } catch (err) {
    return within(err, `${where}[${i}].`);
  }
}

/** Current format: `price_changes[{asset_id, price, size, side, hash, best_bid, best_ask}]`; legacy (pre-2025-09-15): top-level `asset_id`, `hash` and `changes[{price, side, size}]`. */
export function parsePriceChange(o: Obj): PriceChangeEvent {
  const market = reqId(o.market, "market");
  const timestamp = reqUint(o.timestamp, "timestamp");
  const legacy = o.price_changes === undefined && o.changes !== undefined;
  const items = legacy ? reqArray(o.changes, "changes") : reqArray(o.price_changes, "price_changes");
  const changes: PriceChangeEntry[] = new Array(items.length);
  if (legacy) {
    const assetId = reqId(o.asset_id, "asset_id");
    const hash = optString(o.hash, "hash");
    for (let i = 0; i < items.length; i++) changes[i] = parseChange(items[i], i, assetId, hash);
  } else {
    for (let i = 0; i < items.length; i++) changes[i] = parseChange(items[i], i, null, null);
  }
  return { type: "price_change", market, timestamp, legacy, changes };
}

export function parseLastTradePrice(o: Obj): LastTradePriceEvent {
  return {
    type: "last_trade_price",
    market: reqId(o.market, "market"),
    assetId: reqId(o.asset_id, "asset_id"),
    price: reqPrice(o.price, "price"),
    size: reqSize(o.size, "size"),
    side: reqSide(o.side, "side"),
    feeRateBps: optUint(o.fee_rate_bps, "fee_rate_bps", 0),
    timestamp: reqUint(o.timestamp, "timestamp"),
    transactionHash: optString(o.transaction_hash, "transaction_hash"),
  };
}

export function parseTickSizeChange(o: Obj): TickSizeChangeEvent {
  return {
    type: "tick_size_change",
    market: reqId(o.market, "market"),
    assetId: reqId(o.asset_id, "asset_id"),
    oldTickSize: reqTick(o.old_tick_size, "old_tick_size"),
    newTickSize: reqTick(o.new_tick_size, "new_tick_size"),
    timestamp: reqUint(o.timestamp, "timestamp"),
  };
}

export function parseBestBidAsk(o: Obj): BestBidAskEvent {
  const bestBid = optTop(o.best_bid, "best_bid");
  const bestAsk = optTop(o.best_ask, "best_ask");
  if (bestBid === undefined) throw new FieldError("missing_field", `missing "best_bid"`);
  if (bestAsk === undefined) throw new FieldError("missing_field", `missing "best_ask"`);
  const spreadText = optString(o.spread, "spread");
  const spread = spreadText === null || spreadText === "" ? null : parsePrice(spreadText);
  if (spreadText !== null && spreadText !== "" && (spread === null || spread > PRICE_SCALE)) {
    throw new FieldError("bad_price", `"spread" is "${spreadText}", expected a decimal between 0 and 1`);
  }
  return { type: "best_bid_ask", market: reqId(o.market, "market"), assetId: reqId(o.asset_id, "asset_id"), bestBid, bestAsk, spread, timestamp: reqUint(o.timestamp, "timestamp") };
}
