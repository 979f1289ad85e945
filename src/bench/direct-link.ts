// An in-process market socket for the pipeline benchmark: a connect opens at once, each frame goes straight to the feed, PING gets PONG.
import type { Transport, TransportFactory, TransportHandlers } from "../ports/market-data.js";

export class DirectLink {
  private handlers: TransportHandlers | null = null;

  readonly transport: TransportFactory = (_url, handlers): Transport => {
    this.handlers = null;
    queueMicrotask(() => {
      this.handlers = handlers;
      handlers.onOpen();
    });
    return {
      // The exchange answers the keepalive; everything else the feed sends (subscriptions) needs no answer here.
      send: (text) => {
        if (text === "PING") queueMicrotask(() => this.handlers === handlers && handlers.onText("PONG"));
      },
      close: () => {
        if (this.handlers === handlers) this.handlers = null;
      },
    };
  };

  /** Hands a frame to the open socket; false when none is open. */
  deliver(text: string): boolean {
    if (this.handlers === null) return false;
    this.handlers.onText(text);
    return true;
  }
}
