// A plain `ws` market-channel client for the sim tests: records every frame and close, and waits for frames by predicate.
import WebSocket from "ws";

export interface Client {
  ws: WebSocket;
  frames: string[];
  closed: { code: number; reason: string } | null;
  /** Resolves when some frame from `from` on satisfies pred (rejects after timeoutMs). */
  waitFor(pred: (frame: string) => boolean, timeoutMs?: number, from?: number): Promise<string>;
  /** Sends PING and resolves on the PONG: every frame sent before it has arrived. */
  sync(timeoutMs?: number): Promise<void>;
  waitClose(timeoutMs?: number): Promise<{ code: number; reason: string }>;
}

export async function connect(url: string): Promise<Client> {
  const ws = new WebSocket(url, { perMessageDeflate: false });
  const frames: string[] = [];
  const waiters = new Set<() => void>();
  const client: Client = {
    ws,
    frames,
    closed: null,
    waitFor(pred, timeoutMs = 5000, from = 0) {
      return new Promise((resolve, reject) => {
        const check = () => {
          for (let i = from; i < frames.length; i++)
            if (pred(frames[i])) {
              waiters.delete(check);
              clearTimeout(timer);
              resolve(frames[i]);
              return;
            }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching frame within ${timeoutMs} ms (${frames.length} frames)`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async sync(timeoutMs = 5000) {
      const from = frames.length;
      ws.send("PING");
      await client.waitFor((f) => f === "PONG", timeoutMs, from);
    },
    waitClose(timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        if (client.closed) return resolve(client.closed);
        const timer = setTimeout(() => reject(new Error(`not closed within ${timeoutMs} ms`)), timeoutMs);
        ws.once("close", (code, reason) => {
          clearTimeout(timer);
          resolve({ code, reason: reason.toString() });
        });
      });
    },
  };
  ws.on("message", (data) => {
    frames.push(data.toString());
    for (const w of [...waiters]) w();
  });
  ws.on("close", (code, reason) => {
    client.closed = { code, reason: reason.toString() };
  });
  ws.on("error", () => undefined);
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
  });
  return client;
}

export const subscribeAll = (tokens: string[], custom = false): string => JSON.stringify({ type: "market", assets_ids: tokens, custom_feature_enabled: custom });
