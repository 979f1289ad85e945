// The user WebSocket: authenticate with API creds, then stream that key's order and trade events; PING -> PONG.
import type { RawData, WebSocket } from "ws";
import type { ApiKeyRegistry } from "./api-keys.js";

interface Subscriber {
  socket: WebSocket;
  /** Condition ids to deliver, or null for all of the key's markets. */
  markets: Set<string> | null;
}

type Inbound =
  | { kind: "ping" }
  | { kind: "auth"; apiKey: string; secret: string; passphrase: string; markets: string[] }
  | { kind: "operation"; op: "subscribe" | "unsubscribe"; markets: string[] }
  | { kind: "invalid" };

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

/** Reads one client frame of the user channel. */
export function readUserFrame(text: string): Inbound {
  if (text.trim() === "PING") return { kind: "ping" };
  let msg: unknown;
  try {
    msg = JSON.parse(text);
  } catch {
    return { kind: "invalid" };
  }
  if (typeof msg !== "object" || msg === null) return { kind: "invalid" };
  const m = msg as Record<string, unknown>;
  if (typeof m.auth === "object" && m.auth !== null) {
    const a = m.auth as Record<string, unknown>;
    if (typeof a.apiKey !== "string" || typeof a.secret !== "string" || typeof a.passphrase !== "string") return { kind: "invalid" };
    if (m.type !== undefined && String(m.type).toLowerCase() !== "user") return { kind: "invalid" };
    return { kind: "auth", apiKey: a.apiKey, secret: a.secret, passphrase: a.passphrase, markets: strings(m.markets) };
  }
  if (m.operation === "subscribe" || m.operation === "unsubscribe") return { kind: "operation", op: m.operation, markets: strings(m.markets) };
  return { kind: "invalid" };
}

export class UserChannel {
  private readonly byKey = new Map<string, Set<Subscriber>>();

  constructor(private readonly keys: ApiKeyRegistry) {}

  accept(socket: WebSocket): void {
    let sub: Subscriber | null = null;
    let key = "";
    socket.on("message", (data: RawData) => {
      const frame = readUserFrame(data.toString());
      switch (frame.kind) {
        case "ping":
          socket.send("PONG");
          return;
        case "invalid":
          socket.send("INVALID MESSAGE");
          return;
        case "auth": {
          const rec = this.keys.check(frame);
          if (!rec) {
            socket.close(1008, "Unauthorized/Invalid api key");
            return;
          }
          if (sub) this.byKey.get(key)?.delete(sub);
          key = rec.apiKey;
          sub = { socket, markets: frame.markets.length > 0 ? new Set(frame.markets) : null };
          const set = this.byKey.get(key) ?? new Set<Subscriber>();
          set.add(sub);
          this.byKey.set(key, set);
          return;
        }
        case "operation":
          if (!sub) {
            socket.send("INVALID OPERATION");
            return;
          }
          if (frame.op === "subscribe" && sub.markets) for (const m of frame.markets) sub.markets.add(m);
          if (frame.op === "unsubscribe" && sub.markets) for (const m of frame.markets) sub.markets.delete(m);
          return;
      }
    });
    socket.on("close", () => {
      if (sub) this.byKey.get(key)?.delete(sub);
    });
  }

  /** Sends an event to every socket of `apiKey` subscribed to `market`. */
  send(apiKey: string, market: string, event: object): void {
    const subs = this.byKey.get(apiKey);
    if (!subs || subs.size === 0) return;
    const text = JSON.stringify(event);
    for (const s of subs) {
      if (s.socket.readyState !== s.socket.OPEN) continue;
      if (s.markets && !s.markets.has(market)) continue;
      s.socket.send(text);
    }
  }

  /** Number of authenticated sockets of a key (tests wait on it). */
  subscribers(apiKey: string): number {
    return this.byKey.get(apiKey)?.size ?? 0;
  }
}
