// The fast path for price_change frames written exactly as Polymarket writes them: matched by regular expressions, no JSON.parse.
import type { PriceChangeEvent } from "../../../domain/events.js";
import { parsePriceChange } from "./market-events.js";

// A JSON string value with no escape and no control char (JSON.parse reads it as exactly these chars); numbers as decimals.
// Sticky (`y`): each matches at lastIndex only. Char-by-char scanning in JS costs ~5 ns a char on this machine, more
// than JSON.parse; these run as native code (`npm run bench`, issue 10's note).
const HEAD = /\{"market":"([^"\\\x00-\x1f]+)","price_changes":\[/y;
const ENTRY =
  /\{"asset_id":"([^"\\\x00-\x1f]+)","price":"([0-9.]+)","size":"([0-9.]+)","side":"(BUY|SELL)","hash":"([^"\\\x00-\x1f]*)","best_bid":"([0-9.]*)","best_ask":"([0-9.]*)"\}(,?)/y;
const TAIL = /\],"timestamp":"([0-9]{1,16})","event_type":"price_change"\}$/y;

/**
 * The event of a frame written exactly as `{"market":"M","price_changes":[{"asset_id":"A","price":"P","size":"S",
 * "side":"X","hash":"H","best_bid":"B","best_ask":"K"},...],"timestamp":"T","event_type":"price_change"}` (Polymarket's
 * layout) with values the validators accept, or null for any other frame (the JSON.parse path then reads it and words any
 * rejection). Why this is exactly what JSON.parse + parsePriceChange return: such a text is JSON whose every key is
 * distinct within its object and whose every string holds no escape, so JSON.parse makes exactly the object built here
 * from the matched texts, which goes through the same validator.
 */
export function parsePriceChangeFast(t: string): PriceChangeEvent | null {
  HEAD.lastIndex = 0;
  const head = HEAD.exec(t);
  if (head === null) return null;
  const items: Record<string, string>[] = [];
  let p = HEAD.lastIndex;
  if (t.charCodeAt(p) !== 93 /* ] */) {
    for (;;) {
      ENTRY.lastIndex = p;
      const m = ENTRY.exec(t);
      if (m === null) return null;
      items.push({ asset_id: m[1], price: m[2], size: m[3], side: m[4], hash: m[5], best_bid: m[6], best_ask: m[7] });
      p = ENTRY.lastIndex;
      if (m[8] === "") break;
    }
  }
  TAIL.lastIndex = p;
  const tail = TAIL.exec(t);
  if (tail === null) return null;
  try {
    return parsePriceChange({ market: head[1], price_changes: items, timestamp: tail[1], event_type: "price_change" });
  } catch {
    return null; // the JSON.parse path words the rejection
  }
}
