// The fast path for price_change frames written exactly as Polymarket writes them: matched by regular expressions, no JSON.parse.
import type { PriceChangeEntry, PriceChangeEvent } from "../../../domain/events.js";
import { PRICE_SCALE, parsePrice, parseSize, type Pips } from "../../../domain/units.js";
import { reqUint } from "./fields.js";

// A JSON string value with no escape and no control char (JSON.parse reads it as exactly these chars); numbers as decimals.
// Sticky (`y`): each matches at lastIndex only. Char-by-char scanning in JS costs ~5 ns a char on this machine, more
// than JSON.parse; these run as native code (`npm run bench`, issue 10's note).
const HEAD = /\{"market":"([^"\\\x00-\x1f]+)","price_changes":\[/y;
const ENTRY =
  /\{"asset_id":"([^"\\\x00-\x1f]+)","price":"([0-9.]+)","size":"([0-9.]+)","side":"(BUY|SELL)","hash":"([^"\\\x00-\x1f]*)","best_bid":"([0-9.]*)","best_ask":"([0-9.]*)"\}(,?)/y;
const TAIL = /\],"timestamp":"([0-9]{1,16})","event_type":"price_change"\}$/y;

/** optTop of a matched best_bid/best_ask: null for an empty side ("", "0", "1"), the price, or undefined where optTop throws. */
function top(text: string): Pips | null | undefined {
  if (text === "") return null;
  const p = parsePrice(text);
  if (p === null || p > PRICE_SCALE) return undefined;
  return p === 0 || p === PRICE_SCALE ? null : p;
}

/** One matched entry as parseChange returns it, or null where the validators would reject it. */
function entryOf(m: RegExpExecArray): PriceChangeEntry | null {
  const price = parsePrice(m[2]);
  const size = parseSize(m[3]);
  const bestBid = top(m[6]);
  const bestAsk = top(m[7]);
  if (price === null || price <= 0 || price >= PRICE_SCALE || size === null || bestBid === undefined || bestAsk === undefined) return null;
  return { assetId: m[1], price, size, side: m[4] as "BUY" | "SELL", hash: m[5], bestBid, bestAsk };
}

/**
 * The event of a frame written exactly as `{"market":"M","price_changes":[{"asset_id":"A","price":"P","size":"S",
 * "side":"X","hash":"H","best_bid":"B","best_ask":"K"},...],"timestamp":"T","event_type":"price_change"}` (Polymarket's
 * layout) with values the validators accept, or null for any other frame (the JSON.parse path then reads it and words any
 * rejection). Why this is exactly what JSON.parse + parsePriceChange return: such a text is JSON whose every key is
 * distinct within its object and whose every string holds no escape, so it parses to exactly the matched texts.
 */
export function parsePriceChangeFast(t: string): PriceChangeEvent | null {
  HEAD.lastIndex = 0;
  const head = HEAD.exec(t);
  if (head === null) return null;
  const changes: PriceChangeEntry[] = [];
  let p = HEAD.lastIndex;
  if (t.charCodeAt(p) !== 93 /* ] */) {
    for (;;) {
      ENTRY.lastIndex = p;
      const m = ENTRY.exec(t);
      if (m === null) return null;
      const entry = entryOf(m);
      if (entry === null) return null;
      changes.push(entry);
      p = ENTRY.lastIndex;
      if (m[8] === "") break;
    }
  }
  TAIL.lastIndex = p;
  const tail = TAIL.exec(t);
  if (tail === null) return null;
  // 1 to 16 digits: reqUint accepts them all (and computes the value as the JSON.parse path does).
  return { type: "price_change", market: head[1], timestamp: reqUint(tail[1], "timestamp"), legacy: false, changes };
}
