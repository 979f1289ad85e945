// YES/NO mirroring: a NO book read in YES terms (a NO bid at 1-p is a YES ask at p), and the combined top of a market's two books.
import type { Level } from "../events.js";
import type { Side } from "../market.js";
import { mirror, type Micro, type Pips } from "../units.js";
import type { BookView } from "./order-book.js";

export const oppositeSide = (side: Side): Side => (side === "BUY" ? "SELL" : "BUY");

/** Levels of one book side re-priced at 1 - p (order kept, so best-first stays best-first on the mirrored side). */
export function mirrorLevels(levels: readonly Level[]): Level[] {
  const out: Level[] = new Array(levels.length);
  for (let i = 0; i < levels.length; i++) out[i] = { price: mirror(levels[i].price), size: levels[i].size };
  return out;
}

/** The other token's book seen in this token's price terms (e.g. the NO book as YES). Live: it reads the source on each call. */
export class MirrorView implements BookView {
  constructor(readonly source: BookView) {}

  bestBid(): Pips | null {
    const ask = this.source.bestAsk();
    return ask === null ? null : mirror(ask);
  }

  bestAsk(): Pips | null {
    const bid = this.source.bestBid();
    return bid === null ? null : mirror(bid);
  }

  sizeAt(side: Side, price: Pips): Micro {
    return this.source.sizeAt(oppositeSide(side), mirror(price));
  }

  depth(side: Side, n: number): Level[] {
    return mirrorLevels(this.source.depth(oppositeSide(side), n));
  }

  levelCount(side: Side): number {
    return this.source.levelCount(oppositeSide(side));
  }
}

export interface Top {
  bestBid: Pips | null;
  bestAsk: Pips | null;
}

const maxOf = (a: Pips | null, b: Pips | null): Pips | null => (a === null ? b : b === null ? a : Math.max(a, b));
const minOf = (a: Pips | null, b: Pips | null): Pips | null => (a === null ? b : b === null ? a : Math.min(a, b));

/**
 * The best YES-terms prices across a market's YES book and its NO book (either may be null, e.g. unsynced):
 * best bid = max(YES bid, 1 - NO ask), best ask = min(YES ask, 1 - NO bid).
 */
export function combinedTop(yes: BookView | null, no: BookView | null): Top {
  const noView = no === null ? null : new MirrorView(no);
  return {
    bestBid: maxOf(yes?.bestBid() ?? null, noView?.bestBid() ?? null),
    bestAsk: minOf(yes?.bestAsk() ?? null, noView?.bestAsk() ?? null),
  };
}

/** Whether the YES book's top is exactly the mirror of the NO book's top (Polymarket keeps the two books mirrored). */
export function mirrorsAgree(yes: BookView, no: BookView): boolean {
  const noBid = no.bestBid();
  const noAsk = no.bestAsk();
  return yes.bestBid() === (noAsk === null ? null : mirror(noAsk)) && yes.bestAsk() === (noBid === null ? null : mirror(noBid));
}
