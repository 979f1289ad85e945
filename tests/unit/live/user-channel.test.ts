// The user-channel client on a loopback socket with a fake clock: auth frame, PING/PONG, reconnect when PONG never comes, parsed events.
import { afterEach, describe, expect, it } from "vitest";
import { WebSocketServer, type WebSocket } from "ws";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import { FakeClock } from "../../../src/adapters/clock/fake-clock.js";
import { UserChannel, type UserChannelStatus } from "../../../src/adapters/polymarket/user-channel.js";
import type { UserEvent } from "../../../src/domain/events.js";

const FIX = "/work/shared/fixtures/polymarket/nautilus";
let server: WebSocketServer | null = null;
let channel: UserChannel | null = null;
afterEach(async () => {
  await channel?.stop();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = channel = null;
});

async function waitFor(pred: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400 && !pred(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!pred()) throw new Error(`timed out waiting for ${what}`);
}

describe("UserChannel", () => {
  it("authenticates, answers nothing itself, reconnects when PONG does not come, and hands on order and trade events", async () => {
    server = new WebSocketServer({ port: 0, host: "127.0.0.1", perMessageDeflate: false });
    await new Promise<void>((r) => server!.once("listening", () => r()));
    const sockets: WebSocket[] = [];
    const received: string[][] = [];
    let answerPings = false;
    server.on("connection", (ws) => {
      const log: string[] = [];
      sockets.push(ws);
      received.push(log);
      ws.on("message", (d) => {
        log.push(d.toString());
        if (d.toString() === "PING" && answerPings) ws.send("PONG");
      });
    });
    const port = (server.address() as AddressInfo).port;
    const clock = new FakeClock(0);
    const events: UserEvent[] = [];
    const statuses: UserChannelStatus[] = [];
    channel = new UserChannel({
      url: `ws://127.0.0.1:${port}/ws/user`,
      creds: { key: "k", secret: "s", passphrase: "p" },
      markets: ["0xabc"],
      clock,
      pingMs: 1000,
      pongTimeoutMs: 500,
      backoffBaseMs: 10,
      backoffMaxMs: 100,
      random: () => 0,
      onEvent: (e) => events.push(e),
      onStatus: (s) => statuses.push(s),
    });
    channel.start();
    await waitFor(() => received[0]?.length === 1, "the auth frame");
    expect(JSON.parse(received[0][0])).toEqual({ auth: { apiKey: "k", secret: "s", passphrase: "p" }, type: "user", markets: ["0xabc"] });
    expect(statuses[0]).toEqual({ type: "connected", attempt: 0 });

    clock.advance(1000);
    await waitFor(() => received[0].includes("PING"), "a PING");
    clock.advance(500); // no PONG: the client drops the link
    await waitFor(() => statuses.some((s) => s.type === "disconnected"), "the drop");
    answerPings = true;
    clock.advance(10);
    await waitFor(() => received.length === 2 && received[1].length === 1, "the reconnect and a new auth frame");
    expect(statuses.at(-1)).toEqual({ type: "connected", attempt: 1 });

    clock.advance(1000);
    await waitFor(() => received[1].includes("PING"), "a PING on the new link");
    await new Promise((r) => setTimeout(r, 30)); // the PONG arrives
    clock.advance(500);
    await new Promise((r) => setTimeout(r, 30));
    expect(channel.isConnected()).toBe(true);

    sockets[1].send(readFileSync(`${FIX}/py_ws_messages_order_placement.json`, "utf8"));
    sockets[1].send(readFileSync(`${FIX}/py_ws_messages_user_trade1.json`, "utf8"));
    await waitFor(() => events.length === 2, "the parsed events");
    expect(events.map((e) => e.type)).toEqual(["order", "trade"]);
  });
});
