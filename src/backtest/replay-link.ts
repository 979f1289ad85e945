// The market socket of a backtest: the feed connects through it, and the recording's frames and connection marks drive it.
import type { Transport, TransportFactory, TransportHandlers } from "../ports/market-data.js";

interface Socket {
  handlers: TransportHandlers;
  state: "connecting" | "open" | "closed";
}

/**
 * A recording from `mm record` or `mm run --record` carries open/close/error marks: the link is down until its first
 * open mark and sockets open only then. Any other recording has none: the link is up and a connect opens at once.
 * Frames the engine sends go nowhere (the recorded replies are already in the file).
 */
export class ReplayLink {
  /** Received frames that arrived while no socket was open (lost, as they would have been live). */
  dropped = 0;
  private readonly sockets = new Set<Socket>();

  private up: boolean;

  /** `marked`: the recording has connection marks (sockets open only at its open marks). */
  constructor(private readonly marked: boolean) {
    this.up = !marked;
  }

  readonly transport: TransportFactory = (_url, handlers): Transport => {
    const socket: Socket = { handlers, state: "connecting" };
    this.sockets.add(socket);
    if (this.up) queueMicrotask(() => this.openSocket(socket));
    return {
      send: () => undefined,
      close: () => {
        socket.state = "closed";
        this.sockets.delete(socket);
        // Live, the next socket opened when the recording says it did.
        if (this.marked) this.up = false;
      },
    };
  };

  opened(): void {
    this.up = true;
    for (const s of [...this.sockets]) if (s.state === "connecting") this.openSocket(s);
  }

  closed(code: number, reason: string): void {
    this.up = false;
    for (const s of this.take("open")) s.handlers.onClose(code, reason);
  }

  failed(message: string): void {
    this.up = false;
    for (const s of this.take(null)) s.handlers.onError(message);
  }

  /** Hands a received frame to every open socket; false when none is open. */
  deliver(text: string): boolean {
    let delivered = false;
    for (const s of this.sockets) {
      if (s.state !== "open") continue;
      delivered = true;
      s.handlers.onText(text);
    }
    if (!delivered) this.dropped++;
    return delivered;
  }

  private openSocket(socket: Socket): void {
    if (socket.state !== "connecting") return;
    socket.state = "open";
    socket.handlers.onOpen();
  }

  /** Removes the sockets in `state` (every live one for null) and returns them. */
  private take(state: Socket["state"] | null): Socket[] {
    const out = [...this.sockets].filter((s) => (state === null ? s.state !== "closed" : s.state === state));
    for (const s of out) {
      s.state = "closed";
      this.sockets.delete(s);
    }
    return out;
  }
}
