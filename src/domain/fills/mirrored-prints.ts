// Recognises a trade printed on both tokens of a market (YES at p and NO at 1 - p), so the dry-run counts its volume once.
import { mirror, type Micro, type Pips } from "../units.js";

/** How many recent prints are remembered (a trade's two prints arrive together). */
const REMEMBERED = 256;

export class MirroredPrints {
  /** Print key (in the terms of the pair's lower token id) -> the token that printed it. */
  private readonly seen = new Map<string, string>();

  /**
   * True when this print is the pair token's print of a trade already seen: same exchange time and size, price 1 - p.
   * A repeat on the same token is not an echo (exact duplicate frames are dropped by the feed before they get here).
   */
  isEcho(tokenId: string, pairTokenId: string | undefined, price: Pips, size: Micro, exchangeTs: number): boolean {
    if (pairTokenId === undefined) return false;
    const lower = tokenId < pairTokenId;
    const key = `${lower ? tokenId : pairTokenId}|${exchangeTs}|${size}|${lower ? price : mirror(price)}`;
    const by = this.seen.get(key);
    if (by !== undefined && by !== tokenId) {
      this.seen.delete(key);
      return true;
    }
    this.seen.set(key, tokenId);
    if (this.seen.size > REMEMBERED) this.seen.delete(this.seen.keys().next().value as string);
    return false;
  }
}
