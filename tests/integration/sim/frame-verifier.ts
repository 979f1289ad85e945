// Rebuilds every token's book from market-channel frames and recomputes each hash with the recipe of POLYMARKET.md (independently of the sim's code).
import { createHash } from "node:crypto";

interface Level {
  price: string;
  size: string;
}

export interface MarketMeta {
  conditionId: string;
  yes: string;
  no: string;
  tickSize: string;
  negRisk: boolean;
}

export interface Verdict {
  books: number;
  entries: number;
  hashMismatches: number;
  topMismatches: number;
  firstProblem: string | null;
}

const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");
const mirror = (p: string) => String(Math.round((1 - Number(p)) * 10_000) / 10_000);

export class FrameVerifier {
  private readonly bids = new Map<string, Map<string, string>>();
  private readonly asks = new Map<string, Map<string, string>>();
  private readonly ltp = new Map<string, string>();
  readonly verdict: Verdict = { books: 0, entries: 0, hashMismatches: 0, topMismatches: 0, firstProblem: null };
  private readonly byToken = new Map<string, MarketMeta>();

  constructor(markets: MarketMeta[]) {
    for (const m of markets) {
      this.byToken.set(m.yes, m);
      this.byToken.set(m.no, m);
    }
  }

  add(frame: string): void {
    if (!frame.startsWith("{") && !frame.startsWith("[")) return;
    const value = JSON.parse(frame) as unknown;
    for (const msg of Array.isArray(value) ? value : [value]) this.event(msg as Record<string, unknown>);
  }

  private problem(text: string, hash: boolean): void {
    if (hash) this.verdict.hashMismatches++;
    else this.verdict.topMismatches++;
    this.verdict.firstProblem ??= text;
  }

  private event(msg: Record<string, unknown>): void {
    switch (msg.event_type) {
      case "book": {
        const token = msg.asset_id as string;
        if (typeof msg.last_trade_price === "string") this.ltp.set(token, msg.last_trade_price);
        this.bids.set(token, new Map((msg.bids as Level[]).map((l) => [l.price, l.size])));
        this.asks.set(token, new Map((msg.asks as Level[]).map((l) => [l.price, l.size])));
        this.verdict.books++;
        if (this.hash(token, msg.timestamp as string) !== msg.hash) this.problem(`book hash ${token.slice(0, 8)} ${msg.timestamp}`, true);
        return;
      }
      case "price_change": {
        const entries = msg.price_changes as Record<string, string>[];
        for (const e of entries) {
          const side = e.side === "BUY" ? this.bids.get(e.asset_id) : this.asks.get(e.asset_id);
          if (!side) continue;
          if (e.size === "0") side.delete(e.price);
          else side.set(e.price, e.size);
        }
        for (const e of entries) {
          if (!this.bids.has(e.asset_id)) continue;
          this.verdict.entries++;
          if (this.hash(e.asset_id, msg.timestamp as string) !== e.hash) this.problem(`entry hash ${e.asset_id.slice(0, 8)} ${msg.timestamp}`, true);
          const [bid, ask] = this.top(e.asset_id);
          if (bid !== e.best_bid || ask !== e.best_ask) this.problem(`top ${bid}/${ask} vs ${e.best_bid}/${e.best_ask}`, false);
        }
        return;
      }
      case "last_trade_price": {
        const m = this.byToken.get(msg.asset_id as string);
        if (!m) return;
        const p = msg.price as string;
        this.ltp.set(msg.asset_id as string, p);
        this.ltp.set(msg.asset_id === m.yes ? m.no : m.yes, mirror(p));
        return;
      }
      case "tick_size_change": {
        const m = this.byToken.get(msg.asset_id as string);
        if (m) m.tickSize = msg.new_tick_size as string;
        return;
      }
      default:
        return;
    }
  }

  private top(token: string): [string, string] {
    const bids = [...this.bids.get(token)!.keys()].map(Number);
    const asks = [...this.asks.get(token)!.keys()].map(Number);
    return [bids.length ? String(Math.max(...bids)) : "0", asks.length ? String(Math.min(...asks)) : "1"];
  }

  private hash(token: string, timestamp: string): string {
    const m = this.byToken.get(token)!;
    const levels = (side: Map<string, string>, ascending: boolean) =>
      [...side.entries()].sort((a, b) => (Number(a[0]) - Number(b[0])) * (ascending ? 1 : -1)).map(([price, size]) => ({ price, size }));
    const canonical = {
      market: m.conditionId,
      asset_id: token,
      timestamp,
      hash: "",
      bids: levels(this.bids.get(token)!, true),
      asks: levels(this.asks.get(token)!, false),
      min_order_size: "5",
      tick_size: m.tickSize,
      neg_risk: m.negRisk,
      last_trade_price: this.ltp.get(token) ?? "",
    };
    return sha1(JSON.stringify(canonical));
  }
}
