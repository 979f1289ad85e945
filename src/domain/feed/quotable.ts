// ARCHITECTURE.md rule 3 as one answer: may the engine quote this token right now, and if not, why.
import type { FeedPhase, TokenSync } from "./machine-types.js";

export interface QuotableInput {
  /** The token's connection phase, null when the token is not followed. */
  phase: FeedPhase | null;
  tokenSync: TokenSync | null;
  /** The book is synced in its current epoch (OrderBook.synced). */
  bookSynced: boolean;
  /** Where the book came from last: the stream, or REST while the socket is down. */
  source: "ws" | "rest";
  /** ms since the connection's last frame or PONG (ws), or since the REST refresh (rest); null when never. */
  ageMs: number | null;
  staleMs: number;
  /** The book's top agreed with the feed's last best_bid/best_ask (no unresolved mismatch). */
  topAgrees: boolean;
  quoteOnRestBook: boolean;
}

export interface Quotable {
  ok: boolean;
  reason: string | null;
}

const no = (reason: string): Quotable => ({ ok: false, reason });

export function quotable(i: QuotableInput): Quotable {
  if (i.phase === null || i.tokenSync === null) return no("token is not subscribed");
  if (i.tokenSync === "resolved") return no("market resolved: the exchange has no book for this token");
  if (i.source === "rest") {
    if (!i.quoteOnRestBook) return no(`feed is ${i.phase}; book is fed by REST and feed.quoteOnRestBook is off`);
    if (!i.bookSynced) return no("REST book not loaded yet");
    if (i.ageMs === null || i.ageMs >= i.staleMs) return no(`REST book is older than the stale limit (${i.staleMs} ms)`);
    return { ok: true, reason: null };
  }
  if (i.phase !== "live") return no(`feed is ${i.phase}`);
  if (i.tokenSync !== "synced" || !i.bookSynced) return no("book not synced: waiting for a snapshot");
  if (i.ageMs === null || i.ageMs >= i.staleMs) return no(`last message ${i.ageMs ?? "never"} ms ago (stale limit ${i.staleMs} ms)`);
  if (!i.topAgrees) return no("top of book disagrees with the feed's best_bid/best_ask");
  return { ok: true, reason: null };
}
