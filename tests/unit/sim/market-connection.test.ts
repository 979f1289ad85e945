// A market-channel connection sends the frames published together in one write: the TCP socket is corked until the publishing code returns.
import { describe, expect, it } from "vitest";
import type { WebSocket } from "ws";
import { FakeClock } from "../../../src/adapters/clock/fake-clock.js";
import { MarketConnection } from "../../../src/sim/ws/market-connection.js";

function connection() {
  const log: string[] = [];
  const socket = { OPEN: 1, readyState: 1, bufferedAmount: 0, send: (text: string) => log.push(`send ${text}`), terminate: () => log.push("terminate") };
  const raw = { cork: () => void log.push("cork"), uncork: () => void log.push("uncork") };
  const conn = new MarketConnection(socket as unknown as WebSocket, raw, new FakeClock(0), 60_000, 16 << 20);
  return { conn, log };
}

describe("MarketConnection", () => {
  it("corks the socket for the frames sent in one go and uncorks once that code returns", async () => {
    const { conn, log } = connection();
    conn.send("a");
    conn.send("b");
    conn.send("c");
    expect(log).toEqual(["cork", "send a", "send b", "send c"]);
    await Promise.resolve();
    expect(log).toEqual(["cork", "send a", "send b", "send c", "uncork"]);
    conn.send("d");
    await Promise.resolve();
    expect(log.slice(5)).toEqual(["cork", "send d", "uncork"]);
    expect(conn.sent).toBe(4);
    conn.close();
  });

  it("lets a long burst out every 64 KB, not all at its end", async () => {
    const { conn, log } = connection();
    const big = (c: string) => c.repeat(40 * 1024);
    conn.send(big("a"));
    conn.send(big("b"));
    conn.send(big("c"));
    expect(log.map((l) => l.slice(0, 6))).toEqual(["cork", "send a", "send b", "uncork", "cork", "send c"]);
    await Promise.resolve();
    expect(log.slice(6)).toEqual(["uncork"]);
    conn.close();
  });
});
