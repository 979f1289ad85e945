// Faults on demand: what a test or the admin endpoint can do to the exchange's connections, frames and order endpoints.
import type { WebSocketServer } from "ws";
import type { Clock } from "../../ports/clock.js";
import type { SimOrderFaults } from "../context.js";
import type { MarketHub } from "../ws/market-hub.js";

export type HttpFaultStatus = 425 | 429 | 500;

export interface FaultAdmin {
  /** Drops every WebSocket connection at once, with no close frame. */
  dropAll(): void;
  /** Closes every WebSocket connection with this code (1013 says "slow consumer"). */
  closeAll(code: 1000 | 1013): void;
  /** Refuses new WebSocket connections (HTTP 503 on upgrade) for ms. */
  refuseConnections(ms: number): void;
  /** Market connections stay open but get no frames and no PONG for ms. */
  stall(ms: number): void;
  /** Sends n garbage frames to every market connection now. */
  garbage(n: number): void;
  /** Sends each of the next n frames twice, on every market connection. */
  duplicate(n: number): void;
  /** Gives the next n book/price_change frames a wrong hash, on every market connection. */
  corruptHash(n: number): void;
  /** Leaves out the next n price_change frames on every market connection (their books silently desync). */
  skipDelta(n: number): void;
  /** Switches a market (by token, condition id or slug) between ticks 0.01 and 0.001. */
  tickSizeChange(tokenOrMarket: string): void;
  /** Delays every frame to market connections by delayMs for durationMs. */
  slow(delayMs: number, durationMs: number): void;
  /** Order endpoints answer this HTTP status for ms. */
  httpError(status: HttpFaultStatus, ms: number): void;
  /** Ends every fault window and counter. */
  clear(): void;
}

/** Garbage the market channel may receive: broken JSON, unknown events, wrong types, binary noise. */
export const GARBAGE_FRAMES = [
  '{"event_type":"book","market":',
  '{"event_type":"mystery_event","market":"0x00"}',
  "\u0000\u0001\u0002 not a frame",
  '[{"event_type":"price_change","market":"0x00","price_changes":"oops"}]',
  '{"event_type":"book","market":"0x00","asset_id":"1","bids":[{"price":"1.5","size":"-3"}],"asks":[],"timestamp":"x","hash":""}',
];

export interface FaultDeps {
  clock: Clock;
  hub: MarketHub;
  wss: WebSocketServer;
  /** Toggles a market's tick; throws a clear error for an unknown reference. */
  toggleTick(ref: string): void;
}

export class Faults implements FaultAdmin, SimOrderFaults {
  private refuseUntil = 0;
  private http: { status: HttpFaultStatus; until: number } | null = null;

  constructor(private readonly deps: FaultDeps) {}

  refusing(): boolean {
    return this.deps.clock.now() < this.refuseUntil;
  }

  current(now: number): { status: HttpFaultStatus } | null {
    return this.http && now < this.http.until ? { status: this.http.status } : null;
  }

  dropAll(): void {
    for (const socket of this.deps.wss.clients) socket.terminate();
  }

  closeAll(code: 1000 | 1013): void {
    for (const socket of this.deps.wss.clients) socket.close(code, code === 1013 ? "slow consumer" : "");
  }

  refuseConnections(ms: number): void {
    this.refuseUntil = this.deps.clock.now() + ms;
  }

  stall(ms: number): void {
    const until = this.deps.clock.now() + ms;
    for (const conn of this.deps.hub.connections()) conn.faults.stallUntil = until;
  }

  garbage(n: number): void {
    for (const conn of this.deps.hub.connections()) for (let i = 0; i < n; i++) conn.send(GARBAGE_FRAMES[i % GARBAGE_FRAMES.length]);
  }

  duplicate(n: number): void {
    for (const conn of this.deps.hub.connections()) conn.faults.duplicate += n;
  }

  corruptHash(n: number): void {
    for (const conn of this.deps.hub.connections()) conn.faults.corruptHash += n;
  }

  skipDelta(n: number): void {
    for (const conn of this.deps.hub.connections()) conn.faults.skipDelta += n;
  }

  tickSizeChange(tokenOrMarket: string): void {
    this.deps.toggleTick(tokenOrMarket);
  }

  slow(delayMs: number, durationMs: number): void {
    const until = this.deps.clock.now() + durationMs;
    for (const conn of this.deps.hub.connections()) {
      conn.faults.slowUntil = until;
      conn.faults.slowDelayMs = delayMs;
    }
  }

  httpError(status: HttpFaultStatus, ms: number): void {
    this.http = { status, until: this.deps.clock.now() + ms };
  }

  clear(): void {
    this.refuseUntil = 0;
    this.http = null;
    for (const conn of this.deps.hub.connections())
      Object.assign(conn.faults, { stallUntil: 0, slowUntil: 0, slowDelayMs: 0, duplicate: 0, corruptHash: 0, skipDelta: 0 });
  }
}
