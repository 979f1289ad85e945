// The market channel: accepts sockets, handles subscribe/unsubscribe/PING, fans frames out to subscribers, and applies connection faults.
import type { RawData, WebSocket } from "ws";
import type { Clock } from "../../ports/clock.js";
import type { Outgoing } from "../market-data/frames.js";
import { MarketConnection, type Corkable } from "./market-connection.js";

/** A subscribed token: its market and its bit in the connection's mask (1 YES, 2 NO). */
export interface TokenRef {
  conditionId: string;
  bit: number;
}

export interface MarketHubOptions {
  clock: Clock;
  /** A connection that sends nothing for this long is dropped without a close frame (Polymarket: ~125 s). */
  idleMs: number;
  /** A connection whose unsent data exceeds this is closed with 1013 (slow consumer). */
  maxBufferedBytes: number;
  /** A known token of an open market, or undefined (unknown and resolved tokens get no book). */
  token(assetId: string): TokenRef | undefined;
  /** The opening snapshot (one JSON array frame) for these newly subscribed tokens; null sends none (a replay). */
  snapshot(tokens: TokenRef[]): string | null;
  /** Called after each subscription that added tokens (a replay starts streaming here). */
  onSubscribed?(conn: MarketConnection, added: TokenRef[]): void;
}

interface Subscription {
  operation: "subscribe" | "unsubscribe";
  assets: string[];
  custom: boolean | undefined;
  initialDump: boolean;
}

/** Reads a client message; a string is the text reply for a bad one. */
export function readSubscription(text: string): Subscription | "INVALID MESSAGE" | "INVALID OPERATION" {
  let msg: unknown;
  try {
    msg = JSON.parse(text);
  } catch {
    return "INVALID MESSAGE";
  }
  if (typeof msg !== "object" || msg === null || Array.isArray(msg)) return "INVALID MESSAGE";
  const m = msg as Record<string, unknown>;
  const assets = m.assets_ids;
  if (!Array.isArray(assets) || !assets.every((a) => typeof a === "string")) return "INVALID MESSAGE";
  const custom = typeof m.custom_feature_enabled === "boolean" ? m.custom_feature_enabled : undefined;
  if (m.operation === undefined) return { operation: "subscribe", assets, custom, initialDump: m.initial_dump !== false };
  if (m.operation !== "subscribe" && m.operation !== "unsubscribe") return "INVALID OPERATION";
  return { operation: m.operation, assets, custom, initialDump: true };
}

export class MarketHub {
  private readonly conns = new Set<MarketConnection>();
  private readonly byMarket = new Map<string, Set<MarketConnection>>();

  constructor(private readonly options: MarketHubOptions) {}

  connections(): MarketConnection[] {
    return [...this.conns];
  }

  /** A new market-channel client; `raw` is the TCP socket under `socket`. */
  accept(socket: WebSocket, raw: Corkable): MarketConnection {
    const o = this.options;
    const conn = new MarketConnection(socket, raw, o.clock, o.idleMs, o.maxBufferedBytes);
    this.conns.add(conn);
    socket.on("message", (data: RawData, isBinary: boolean) => this.onMessage(conn, isBinary ? "" : data.toString()));
    socket.on("close", () => this.remove(conn));
    socket.on("error", () => socket.terminate());
    return conn;
  }

  publish(out: Outgoing): void {
    if (out.conditionId === "") {
      for (const conn of this.conns) conn.deliver(out);
      return;
    }
    const set = this.byMarket.get(out.conditionId);
    if (set) for (const conn of set) conn.deliver(out);
  }

  /** True when some connection subscribed to this market (frames are built only then). */
  watched(conditionId: string): boolean {
    return (this.byMarket.get(conditionId)?.size ?? 0) > 0;
  }

  /** Closes with 1000 every connection all of whose markets are resolved. */
  closeResolved(isResolved: (conditionId: string) => boolean): void {
    for (const conn of this.conns)
      if (conn.masks.size > 0 && [...conn.masks.keys()].every(isResolved)) conn.socket.close(1000, "");
  }

  private onMessage(conn: MarketConnection, text: string): void {
    conn.touch();
    if (text === "PING") {
      if (!conn.stalled()) conn.send("PONG");
      return;
    }
    const sub = readSubscription(text);
    if (typeof sub === "string") {
      if (!conn.stalled()) conn.send(sub);
      return;
    }
    if (sub.custom !== undefined) conn.custom = sub.custom;
    if (sub.operation === "unsubscribe") {
      for (const asset of sub.assets) this.unsubscribe(conn, asset);
      return;
    }
    const firstTime = !conn.subscribed;
    conn.subscribed = true;
    const added: TokenRef[] = [];
    let fresh = 0;
    for (const asset of sub.assets) {
      const ref = this.options.token(asset);
      const current = ref ? (conn.masks.get(ref.conditionId) ?? 0) : 0;
      if (ref && current & ref.bit) continue;
      fresh++;
      if (!ref) continue;
      conn.masks.set(ref.conditionId, current | ref.bit);
      this.marketSet(ref.conditionId).add(conn);
      added.push(ref);
    }
    if (!firstTime && fresh === 0) conn.send("NO NEW ASSETS");
    else if (sub.initialDump) {
      const snapshot = this.options.snapshot(added);
      if (snapshot !== null) conn.send(snapshot);
    }
    if (added.length > 0) this.options.onSubscribed?.(conn, added);
  }

  private unsubscribe(conn: MarketConnection, asset: string): void {
    const ref = this.options.token(asset);
    if (!ref) return;
    const mask = (conn.masks.get(ref.conditionId) ?? 0) & ~ref.bit;
    if (mask !== 0) conn.masks.set(ref.conditionId, mask);
    else {
      conn.masks.delete(ref.conditionId);
      this.byMarket.get(ref.conditionId)?.delete(conn);
    }
  }

  private marketSet(conditionId: string): Set<MarketConnection> {
    let set = this.byMarket.get(conditionId);
    if (!set) {
      set = new Set();
      this.byMarket.set(conditionId, set);
    }
    return set;
  }

  private remove(conn: MarketConnection): void {
    conn.close();
    this.conns.delete(conn);
    for (const conditionId of conn.masks.keys()) this.byMarket.get(conditionId)?.delete(conn);
  }
}
