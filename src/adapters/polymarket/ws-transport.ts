// A WebSocket client for the market channel on `ws`, with compression off (perMessageDeflate costs ~25x per message).
import WebSocket from "ws";
import type { TransportFactory } from "../../ports/market-data.js";

export const wsTransport: TransportFactory = (url, handlers) => {
  let done = false;
  let socket: WebSocket;
  try {
    socket = new WebSocket(url, { perMessageDeflate: false, handshakeTimeout: 30_000 });
  } catch (err) {
    // A malformed URL throws synchronously: report it like any failed connect.
    queueMicrotask(() => handlers.onError((err as Error).message));
    return { send: () => undefined, close: () => undefined };
  }
  const finish = (): boolean => {
    if (done) return false;
    done = true;
    return true;
  };
  socket.on("open", () => {
    if (!done) handlers.onOpen();
  });
  socket.on("message", (data: WebSocket.RawData, isBinary: boolean) => {
    if (done) return;
    // A Buffer (ws's default) is decoded in place: Buffer.from would copy every message first.
    const text = isBinary ? "" : Buffer.isBuffer(data) ? data.toString("utf8") : Array.isArray(data) ? Buffer.concat(data).toString("utf8") : Buffer.from(data).toString("utf8");
    handlers.onText(text);
  });
  socket.on("close", (code: number, reason: Buffer) => {
    if (finish()) handlers.onClose(code, reason.toString("utf8"));
  });
  socket.on("error", (err: Error) => {
    if (finish()) handlers.onError(err.message);
  });
  return {
    send(text) {
      if (!done && socket.readyState === WebSocket.OPEN) socket.send(text);
    },
    close(code, reason) {
      done = true;
      if (code === 1000 && socket.readyState === WebSocket.OPEN) socket.close(1000, reason.slice(0, 120));
      else socket.terminate();
    },
  };
};
