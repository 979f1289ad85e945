// Routes WebSocket upgrades: /ws/market to the market hub, /ws/user to the trading side; refused with 503 during a refuse fault.
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { WebSocket, WebSocketServer } from "ws";

export interface UpgradeTargets {
  wss: WebSocketServer;
  refusing(): boolean;
  /** `raw` is the TCP socket under `socket` (the hub corks it to send a burst of frames in one write). */
  market(socket: WebSocket, raw: Duplex): void;
  /** Null when no trading side listens for user sockets. */
  user: ((socket: WebSocket) => void) | null;
}

function refuse(socket: Duplex, status: string): void {
  socket.write(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}

export function handleUpgrade(targets: () => UpgradeTargets): (req: IncomingMessage, socket: Duplex, head: Buffer) => void {
  return (req, socket, head) => {
    const t = targets();
    if (t.refusing()) return refuse(socket, "503 Service Unavailable");
    const path = new URL(req.url ?? "/", "http://sim.local").pathname.replace(/\/+$/, "");
    const user = t.user;
    if (path === "/ws/market") t.wss.handleUpgrade(req, socket, head, (ws) => t.market(ws, socket));
    else if (path === "/ws/user" && user) t.wss.handleUpgrade(req, socket, head, (ws) => user(ws));
    else refuse(socket, "404 Not Found");
  };
}
