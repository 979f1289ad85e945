// An engine session over a real WebSocket to a loopback exchange, each market frame timed from its exchange timestamp to the end of its handling.
import { performance } from "node:perf_hooks";
import { systemClock } from "../adapters/clock/system-clock.js";
import { ClobRest } from "../adapters/polymarket/clob-rest.js";
import { marketChannelUrl } from "../adapters/polymarket/endpoints.js";
import { wsTransport } from "../adapters/polymarket/ws-transport.js";
import type { MarketInfo } from "../domain/market.js";
import type { Settings } from "../domain/settings/schema.js";
import type { TransportFactory } from "../ports/market-data.js";
import { openEngineSession, type EngineSession } from "./engine-session.js";
import { LatencyRecorder } from "./stats.js";

const TS_KEY = '"timestamp":"';

/** The exchange timestamp (ms) a frame carries (its last "timestamp" field), or NaN (text frames such as PONG). */
export function frameTimestamp(text: string): number {
  const at = text.lastIndexOf(TS_KEY);
  if (at < 0) return NaN;
  const from = at + TS_KEY.length;
  let n = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return i === from ? NaN : n;
    n = n * 10 + c;
  }
  return NaN;
}

export interface LoopbackSession extends EngineSession {
  /** Frames received since the last resetWindow(). */
  frames(): number;
  /** Exchange timestamp to the end of each frame's handling by feed and engine, us, since the last resetWindow(). */
  latency(): LatencyRecorder;
  resetWindow(): void;
}

export async function openLoopbackSession(urls: { gamma: string; clob: string; ws: string }, markets: MarketInfo[], settings: Settings): Promise<LoopbackSession> {
  let frames = 0;
  let latency = new LatencyRecorder();
  // The production transport, timed: after the feed (and through its notices, the engine) has handled a frame.
  const timed: TransportFactory = (url, handlers) =>
    wsTransport(url, {
      ...handlers,
      onText(text) {
        handlers.onText(text);
        frames++;
        const ts = frameTimestamp(text);
        if (!Number.isNaN(ts)) latency.record((performance.timeOrigin + performance.now() - ts) * 1000);
      },
    });
  const session = await openEngineSession({ markets, settings, clock: systemClock(), url: marketChannelUrl(urls), transport: timed, rest: new ClobRest(urls.clob), source: urls.gamma });
  return {
    ...session,
    frames: () => frames,
    latency: () => latency,
    resetWindow() {
      frames = 0;
      latency = new LatencyRecorder();
    },
  };
}
