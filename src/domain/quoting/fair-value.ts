// The YES top of book from both tokens' books, and the fair value a quote centres on.
import { mirror, type Micro, type Pips } from "../units.js";
import type { QuoteBook } from "./book-view.js";

export type FairValueMethod = "midpoint" | "microprice" | "size_adjusted";

export interface Top {
  bid: Pips | null;
  ask: Pips | null;
}

/** The best YES bid and ask once the NO book is mirrored in (a NO ask at q is a YES bid at 1 - q). */
export function combinedTop(yes: QuoteBook, no: QuoteBook | null): Top {
  let bid = yes.bestBid();
  let ask = yes.bestAsk();
  if (no) {
    const noAsk = no.bestAsk();
    const noBid = no.bestBid();
    if (noAsk !== null && (bid === null || mirror(noAsk) > bid)) bid = mirror(noAsk);
    if (noBid !== null && (ask === null || mirror(noBid) < ask)) ask = mirror(noBid);
  }
  return { bid, ask };
}

function fromBook(book: QuoteBook, method: FairValueMethod, minSize: Micro): number | null {
  switch (method) {
    case "midpoint":
      return book.midpoint();
    case "microprice":
      return book.microprice();
    case "size_adjusted":
      return book.sizeAdjustedMidpoint(minSize);
  }
}

/** Fair value in YES pips (may be fractional), from the YES book, else the mirrored NO book; null when neither has a value. */
export function fairValue(method: FairValueMethod, yes: QuoteBook, no: QuoteBook | null, minSize: Micro): number | null {
  const v = fromBook(yes, method, minSize);
  if (v !== null) return v;
  const n = no ? fromBook(no, method, minSize) : null;
  return n === null ? null : mirror(n);
}
