// Entry point of the WebSocket parser: one raw frame (text, JSON object or JSON array) becomes domain events plus typed rejections; it never throws.
import type { FeedEvent, ParsedFrame, Rejection, TextFrameEvent } from "../../../domain/events.js";
import { FieldError, isObject, type Obj } from "./fields.js";
import { parseMarketResolved, parseNewMarket } from "./lifecycle-events.js";
import { parseBestBidAsk, parseBook, parseLastTradePrice, parsePriceChange, parseTickSizeChange } from "./market-events.js";
import { parseOrder, parseTrade } from "./user-events.js";
import { parseBookFast } from "./book-fast-path.js";
import { parseLastTradeFast } from "./last-trade-fast-path.js";
import { parsePriceChangeFast } from "./price-change-fast-path.js";

const TEXT_FRAMES: ReadonlySet<string> = new Set(["PONG", "NO NEW ASSETS", "INVALID MESSAGE", "INVALID OPERATION"]);

function parseEvent(o: Obj): FeedEvent {
  const type = o.event_type;
  switch (type) {
    case "book":
      return parseBook(o);
    case "price_change":
      return parsePriceChange(o);
    case "last_trade_price":
      return parseLastTradePrice(o);
    case "tick_size_change":
      return parseTickSizeChange(o);
    case "best_bid_ask":
      return parseBestBidAsk(o);
    case "market_resolved":
      return parseMarketResolved(o);
    case "new_market":
      return parseNewMarket(o);
    case "order":
      return parseOrder(o);
    case "trade":
      return parseTrade(o);
    case undefined:
      throw new FieldError("missing_field", `missing "event_type"`);
    default:
      throw new FieldError("unknown_event", `unknown event_type ${JSON.stringify(type).slice(0, 60)}`);
  }
}

function parseItem(item: unknown, where: string, out: ParsedFrame): void {
  if (!isObject(item)) {
    out.rejections.push({ reason: "bad_field", detail: `${where} is ${item === null ? "null" : Array.isArray(item) ? "an array" : typeof item}, expected an event object` });
    return;
  }
  try {
    out.events.push(parseEvent(item));
  } catch (err) {
    if (!(err instanceof FieldError)) throw err;
    const type = typeof item.event_type === "string" ? item.event_type.slice(0, 40) : where;
    out.rejections.push({ reason: err.reason, detail: `${type}: ${err.message}` });
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

function parseInto(text: string, out: ParsedFrame): void {
  let start = 0;
  while (start < text.length && isSpace(text.charCodeAt(start))) start++;
  const first = text.charCodeAt(start);
  if (first !== 123 /* { */ && first !== 91 /* [ */) {
    const trimmed = text.trim();
    if (TEXT_FRAMES.has(trimmed)) out.events.push({ type: "text", text: trimmed as TextFrameEvent["text"] });
    else out.rejections.push({ reason: "unknown_text", detail: `unknown text frame ${JSON.stringify(trimmed.slice(0, 60))}` });
    return;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    out.rejections.push({ reason: "bad_json", detail: `not valid JSON (${(err as Error).message.slice(0, 80)})` });
    return;
  }
  if (Array.isArray(value)) {
    // Subscribing only to settled tokens yields "[]": no books, but a real answer.
    if (value.length === 0) out.events.push({ type: "text", text: "[]" });
    for (let i = 0; i < value.length; i++) parseItem(value[i], `item ${i}`, out);
  } else {
    parseItem(value, "frame", out);
  }
}

/** Parses one WebSocket frame. Every failure becomes a Rejection; nothing thrown escapes. */
export function parseFrame(text: string): ParsedFrame {
  if (typeof text === "string") {
    // Each fast path declines a frame it cannot read exactly as the reference path would (in well under a microsecond).
    const fast = parsePriceChangeFast(text) ?? parseLastTradeFast(text) ?? parseBookFast(text);
    if (fast !== null) return { events: [fast], rejections: [] };
  }
  return parseFrameWithJson(text);
}

/** The reference path: JSON.parse, then the validators. Each fast path must return exactly what this returns, or decline. */
export function parseFrameWithJson(text: string): ParsedFrame {
  const out: ParsedFrame = { events: [], rejections: [] };
  if (typeof text !== "string") {
    out.rejections.push({ reason: "bad_field", detail: `frame is ${typeof text}, expected text` });
    return out;
  }
  try {
    parseInto(text, out);
  } catch (err) {
    // A bug in a validator must not take the feed down: report it as a rejection of this frame.
    const rejection: Rejection = { reason: "bad_field", detail: `unexpected parser error: ${err instanceof Error ? err.message : String(err)}` };
    out.rejections.push(rejection);
  }
  return out;
}
