// The fast path for book frames: level arrays are checked by one regular expression and read in place; the rest of the frame by JSON.parse, or for a post-trade book by regular expressions too.
import { Buffer } from "node:buffer";
import type { BookEvent, Level } from "../../../domain/events.js";
import { PRICE_SCALE } from "../../../domain/units.js";
import { isObject } from "./fields.js";
import { parseBook, type ScannedSides } from "./market-events.js";

/** Length of `{"price":"` and of `","size":"`, the texts between a level's values. */
const KEY_TEXT = 10;

/**
 * A side written exactly as `[{"price":"P","size":"S"},...]` (values of digits and dots), or `[]`. Sticky: matched at
 * lastIndex only. It runs as native code; checking the same text char by char in JS cost ~5 ns a char on this machine,
 * more than half of a book's parse (`npm run bench`, issue 10's note). `+`, not `{1,32}`: 3x faster; readFixed
 * refuses values over 32 chars.
 */
const LEVELS = /\[(?:\{"price":"[0-9.]+","size":"[0-9.]+"\},)*\{"price":"[0-9.]+","size":"[0-9.]+"\}\]|\[\]/y;

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6];

/**
 * The side being read, as bytes (LEVELS matched ASCII only, so byte i is char open + i): reading a Buffer costs about a
 * third of charCodeAt per char here, and a big book has ~4,000 digits (`npm run bench`, issue 10's note). Reused; grown
 * when a side is longer.
 */
let bytes = Buffer.allocUnsafe(1 << 16);

/** Where the last readFixed stopped: the index of the quote after the value. */
let valueEnd = 0;

/**
 * parseFixed of the value LEVELS matched at byte p (digits and dots up to a quote), read in one pass that also finds
 * the quote (sets valueEnd; not when it returns null for a second dot): null for a second dot, a lone ".", more than
 * `decimals` non-zero decimals, over 32 chars, or an unsafe integer. decimals <= 6.
 */
function readFixed(b: Buffer, p: number, decimals: number): number | null {
  let i = p;
  let whole = 0;
  let c = b[i];
  // Digits are 48-57; the dot (46) and the closing quote (34) are below them.
  for (; c >= 48; c = b[++i]) whole = whole * 10 + c - 48;
  let frac = 0;
  let fracDigits = 0;
  let ok = true;
  if (c === 46) {
    ok = i > p || b[i + 1] !== 34; // not a lone "."
    for (c = b[++i]; c >= 48; c = b[++i]) {
      if (fracDigits < decimals) {
        frac = frac * 10 + c - 48;
        fracDigits++;
      } else if (c !== 48) ok = false;
    }
    if (c === 46) return null; // a second dot
  }
  valueEnd = i;
  if (!ok || i - p > 32) return null;
  const out = whole * POW10[decimals] + frac * POW10[decimals - fracDigits];
  return Number.isSafeInteger(out) ? out : null;
}

/**
 * A side's levels from `open` (its `[`) when written as LEVELS matches, with the validators' rules (prices strictly
 * inside (0, 1) on the pip grid, sizes on the micro-share grid); returns the index of its `]`, or -1 for any other shape
 * or value, which the JSON.parse path then reads.
 */
function scanLevels(t: string, open: number, out: Level[]): number {
  LEVELS.lastIndex = open;
  if (!LEVELS.test(t)) return -1;
  const close = LEVELS.lastIndex - 1;
  const n = close - open + 1;
  if (bytes.length < n) bytes = Buffer.allocUnsafe(2 * n);
  bytes.write(t.slice(open, close + 1), 0, n, "latin1");
  const b = bytes;
  // The shape is known now: each value runs from after its key text to the next quote.
  for (let p = 1; p < n - 1; ) {
    const price = readFixed(b, p + KEY_TEXT, 4);
    const size = readFixed(b, valueEnd + KEY_TEXT, 6);
    if (price === null || price <= 0 || price >= PRICE_SCALE || size === null) return -1;
    out.push({ price, size });
    p = valueEnd + 3; // past `"},` or `"}]`
  }
  return close;
}

/** Where the `"<key>":[` at or after `from` (else anywhere) opens its array; -1 if absent or written otherwise. */
function arrayOf(t: string, key: string, from: number): number {
  let at = t.indexOf(key, from);
  if (at < 0 && from > 0) at = t.indexOf(key);
  if (at < 0 || t.charCodeAt(at + key.length) !== 58 /* : */ || t.charCodeAt(at + key.length + 1) !== 91 /* [ */) return -1;
  return at + key.length + 1;
}

/** Does `key` occur exactly once in `t`? */
function once(t: string, key: string): boolean {
  const at = t.indexOf(key);
  return at >= 0 && t.indexOf(key, at + 1) < 0;
}

// A book after a trade, as Polymarket writes it: `{"market":"M","asset_id":"A","bids":[...],"asks":[...],"hash":"H",
// "timestamp":"T","event_type":"book"}`, string values unescaped (as in price-change-fast-path.ts).
const POST_TRADE_HEAD = /\{"market":"([^"\\\x00-\x1f]+)","asset_id":"([^"\\\x00-\x1f]+)","bids":/y;
const ASKS_KEY = /,"asks":/y;
const POST_TRADE_TAIL = /,"hash":"([^"\\\x00-\x1f]*)","timestamp":"([0-9]{1,16})","event_type":"book"\}$/y;

/** The book event of a frame in the post-trade layout whose levels scanLevels reads, else null. */
function postTradeBook(t: string): BookEvent | null {
  POST_TRADE_HEAD.lastIndex = 0;
  const head = POST_TRADE_HEAD.exec(t);
  if (head === null) return null;
  const bids: Level[] = [];
  const asks: Level[] = [];
  const bidsOpen = POST_TRADE_HEAD.lastIndex;
  const bidsClose = scanLevels(t, bidsOpen, bids);
  if (bidsClose < 0) return null;
  ASKS_KEY.lastIndex = bidsClose + 1;
  if (!ASKS_KEY.test(t)) return null;
  const asksOpen = ASKS_KEY.lastIndex;
  const asksClose = scanLevels(t, asksOpen, asks);
  if (asksClose < 0) return null;
  POST_TRADE_TAIL.lastIndex = asksClose + 1;
  const tail = POST_TRADE_TAIL.exec(t);
  if (tail === null) return null;
  // Exactly what JSON.parse makes of the text with its level arrays emptied (seven distinct keys, unescaped strings).
  const o = { market: head[1], asset_id: head[2], bids: [], asks: [], hash: tail[1], timestamp: tail[2], event_type: "book" };
  return parseBook(o, { text: t, bids, asks, bidsStart: bidsOpen, bidsEnd: bidsClose + 1, asksStart: asksOpen, asksEnd: asksClose + 1 });
}

/**
 * The book event of a frame holding one book (alone or in a one-item array) whose sides are compact, or null for any
 * other frame. A book in the post-trade layout is read by regular expressions alone (postTradeBook). For others, why
 * this is exactly what JSON.parse + parseBook return: with no backslash in the text, a `"bids"` that occurs once is a
 * key (a value would need a colon after it; another string cannot hold its quotes). Its array is cut out; if the rest
 * parses as a book whose `bids` is that emptied array, putting back well-formed levels keeps the text valid JSON that
 * parses to those levels. Same for `"asks"`.
 */
export function parseBookFast(t: string): BookEvent | null {
  const postTrade = postTradeBook(t);
  if (postTrade !== null) return postTrade;
  if (t.indexOf("\\") >= 0) return null;
  const bids: Level[] = [];
  const asks: Level[] = [];
  const bidsOpen = arrayOf(t, '"bids"', 0);
  const bidsClose = bidsOpen < 0 ? -1 : scanLevels(t, bidsOpen, bids);
  // Polymarket writes asks right after bids: look there first.
  const asksOpen = bidsClose < 0 ? -1 : arrayOf(t, '"asks"', bidsClose);
  const asksClose = asksOpen < 0 ? -1 : scanLevels(t, asksOpen, asks);
  if (asksClose < 0) return null;
  const [open1, close1, open2, close2] = bidsOpen < asksOpen ? [bidsOpen, bidsClose, asksOpen, asksClose] : [asksOpen, asksClose, bidsOpen, bidsClose];
  // The cut-out arrays hold no letter b or k, so each key is unique in the frame iff it is in what is left.
  const rest = t.slice(0, open1 + 1) + t.slice(close1, open2 + 1) + t.slice(close2);
  if (!once(rest, '"bids"') || !once(rest, '"asks"')) return null;
  let value: unknown;
  try {
    value = JSON.parse(rest);
  } catch {
    return null;
  }
  const o = Array.isArray(value) && value.length === 1 ? value[0] : value;
  if (!isObject(o) || o.event_type !== "book" || !Array.isArray(o.bids) || o.bids.length !== 0 || !Array.isArray(o.asks) || o.asks.length !== 0) return null;
  const sides: ScannedSides = { text: t, bids, asks, bidsStart: bidsOpen, bidsEnd: bidsClose + 1, asksStart: asksOpen, asksEnd: asksClose + 1 };
  try {
    return parseBook(o, sides);
  } catch {
    return null; // the JSON.parse path words the rejection
  }
}
