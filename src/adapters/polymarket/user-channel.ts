// The user WebSocket client: authenticates with the API credentials, keeps the link alive with PING/PONG, reconnects with backoff, and hands on parsed order and trade events.
import WebSocket from "ws";
import type { Clock, TimerHandle } from "../../ports/clock.js";
import type { Rejection, UserEvent } from "../../domain/events.js";
import { parseFrame } from "./parse/parse-frame.js";
import { backoffMs } from "../gateway/live/error-policy.js";

export interface UserChannelCreds {
  key: string;
  secret: string;
  passphrase: string;
}

export type UserChannelStatus =
  | { type: "connected"; attempt: number }
  | { type: "disconnected"; reason: string; retryInMs: number };

export interface UserChannelOptions {
  /** The user channel's URL: `<ws base>/user`. */
  url: string;
  creds: UserChannelCreds;
  /** Condition ids to restrict the stream to (all of the key's markets when empty). */
  markets?: string[];
  clock: Clock;
  pingMs: number;
  pongTimeoutMs: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  random?: () => number;
  onEvent(event: UserEvent): void;
  onStatus(status: UserChannelStatus): void;
  onRejection?(rejection: Rejection): void;
}

export class UserChannel {
  private socket: WebSocket | null = null;
  private stopped = false;
  private attempt = 0;
  private pingTimer: TimerHandle | null = null;
  private pongTimer: TimerHandle | null = null;
  private retryTimer: TimerHandle | null = null;
  private connected = false;

  constructor(private readonly o: UserChannelOptions) {}

  start(): void {
    this.stopped = false;
    this.connect();
  }

  isConnected(): boolean {
    return this.connected;
  }

  /** Closes the socket without a close frame, as a network drop would (the client reconnects). */
  drop(): void {
    this.socket?.terminate();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.clearTimers();
    if (this.retryTimer) this.o.clock.clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const socket = this.socket;
    this.socket = null;
    if (!socket || socket.readyState === WebSocket.CLOSED) return;
    await new Promise<void>((resolve) => {
      socket.once("close", () => resolve());
      socket.terminate();
    });
  }

  private connect(): void {
    if (this.stopped) return;
    const socket = new WebSocket(this.o.url, { perMessageDeflate: false });
    this.socket = socket;
    socket.on("open", () => {
      if (socket !== this.socket) return;
      const sub: Record<string, unknown> = {
        auth: { apiKey: this.o.creds.key, secret: this.o.creds.secret, passphrase: this.o.creds.passphrase },
        type: "user",
      };
      if (this.o.markets && this.o.markets.length > 0) sub.markets = this.o.markets;
      socket.send(JSON.stringify(sub));
      this.connected = true;
      const attempt = this.attempt;
      this.attempt = 0;
      this.pingTimer = this.o.clock.setInterval(() => this.ping(socket), this.o.pingMs);
      this.o.onStatus({ type: "connected", attempt });
    });
    socket.on("message", (data, isBinary) => {
      if (socket !== this.socket || isBinary) return;
      this.onText(data.toString());
    });
    socket.on("error", () => {
      // The close event follows and carries the reconnect; the error text may echo the URL only.
    });
    socket.on("close", (code, reason) => {
      if (socket !== this.socket) return;
      this.onClosed(`closed (${code}${reason.length ? ` ${reason.toString().slice(0, 80)}` : ""})`);
    });
  }

  private onText(text: string): void {
    const parsed = parseFrame(text);
    for (const event of parsed.events) {
      switch (event.type) {
        case "order":
        case "trade":
          this.o.onEvent(event);
          break;
        case "text":
          if (event.text === "PONG" && this.pongTimer) {
            this.o.clock.clearTimeout(this.pongTimer);
            this.pongTimer = null;
          }
          break;
        default:
          break; // market events have no business on the user channel
      }
    }
    for (const r of parsed.rejections) this.o.onRejection?.(r);
  }

  private ping(socket: WebSocket): void {
    if (socket.readyState !== WebSocket.OPEN) return;
    socket.send("PING");
    if (this.pongTimer) return;
    this.pongTimer = this.o.clock.setTimeout(() => {
      this.pongTimer = null;
      socket.terminate(); // no PONG: the link is dead even if the socket looks open
    }, this.o.pongTimeoutMs);
  }

  private clearTimers(): void {
    if (this.pingTimer) this.o.clock.clearInterval(this.pingTimer);
    if (this.pongTimer) this.o.clock.clearTimeout(this.pongTimer);
    this.pingTimer = null;
    this.pongTimer = null;
  }

  private onClosed(reason: string): void {
    this.clearTimers();
    this.connected = false;
    this.socket = null;
    if (this.stopped) return;
    const retryInMs = backoffMs(this.attempt, this.o.backoffBaseMs, this.o.backoffMaxMs, (this.o.random ?? Math.random)());
    this.attempt++;
    this.o.onStatus({ type: "disconnected", reason, retryInMs });
    this.retryTimer = this.o.clock.setTimeout(() => {
      this.retryTimer = null;
      this.connect();
    }, retryInMs);
  }
}
