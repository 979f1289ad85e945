// `mm backtest`: replays a recording into the dry-run engine on a virtual clock, as fast as the machine allows, and reports.
import { performance } from "node:perf_hooks";
import { FakeClock } from "../adapters/clock/fake-clock.js";
import { readRecordingEntries, type RecordingEntry } from "../adapters/recording/read-recording.js";
import { value } from "../domain/accounting/valuation.js";
import type { Settings } from "../domain/settings/schema.js";
import type { EngineEvent } from "../engine/engine-events.js";
import { marksOf } from "../engine/inventory.js";
import type { Logger } from "../ports/logger.js";
import type { BookSnapshotSource } from "../ports/market-data.js";
import type { Fill } from "../ports/order-gateway.js";
import { OrderTally, RewardMeter, RiskTimer } from "./metrics.js";
import { ReplayLink } from "./replay-link.js";
import { buildReport, type BacktestReport, type BacktestSpeed } from "./report.js";
import { entryTime, scanRecording, type MarketDefaults } from "./recording-markets.js";
import { createSession } from "./session.js";
import { advanceTo, driveUntil, settle } from "./virtual-time.js";

export interface BacktestOptions {
  path: string;
  settings: Settings;
  /** Market metadata for recordings without a meta line (the `mm inspect` flags). */
  defaults: MarketDefaults;
  logger?: Logger;
}

export interface BacktestResult {
  report: BacktestReport;
  speed: BacktestSpeed;
  fills: Fill[];
  events: EngineEvent[];
}

const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** A backtest has no exchange to ask: spot checks and the REST fallback fail (and are logged), as with a dead REST API. */
const noRest: BookSnapshotSource = {
  book: () => Promise.reject(new Error("a backtest has no REST API")),
  books: () => Promise.reject(new Error("a backtest has no REST API")),
};

export async function runBacktest(o: BacktestOptions): Promise<BacktestResult> {
  const began = performance.now();
  const scan = await scanRecording(o.path, o.defaults);
  const start = scan.start ?? 0;
  const clock = new FakeClock(start);
  const link = new ReplayLink(scan.marks);
  const logger = o.logger ?? quiet;
  const session = createSession({ markets: scan.markets, settings: o.settings, clock, url: "replay", transport: link.transport, rest: noRest, logger, source: `replay:${o.path}` });
  const { engine, feed, gateway, store } = session;
  const risk = new RiskTimer(start);
  const tally = new OrderTally();
  engine.onEvent((e) => {
    risk.onEvent(e);
    tally.onEvent(e);
  });
  const rewards = new RewardMeter(scan.markets, feed, () => gateway.openOrders(), start);
  await engine.start();
  await settle();

  let last = start;
  let end: number | null = null;
  let messages = 0;
  const at = (e: RecordingEntry): number => (last = Math.max(last, entryTime(e) ?? last));
  for await (const e of readRecordingEntries(o.path)) {
    switch (e.dir) {
      case "meta":
      case "sent":
        continue;
      case "recv":
        await advanceTo(clock, at(e));
        rewards.sampleUntil(clock.now());
        if (link.deliver(e.text)) messages++;
        break;
      case "open":
        await advanceTo(clock, at(e));
        link.opened();
        break;
      case "close":
        await advanceTo(clock, at(e));
        link.closed(e.code, e.reason);
        break;
      case "error":
        await advanceTo(clock, at(e));
        link.failed(e.message);
        break;
      case "end":
        end = at(e);
        continue;
    }
    await settle();
  }
  const stopAt = Math.max(last, end ?? last);
  await advanceTo(clock, stopAt);
  rewards.sampleUntil(stopAt);
  risk.close(stopAt);
  store.sampleEquity(stopAt);
  const tokens = scan.markets.flatMap((m) => [m.yesTokenId, m.noTokenId]);
  const valuation = value(store.state().portfolio, marksOf(feed, tokens));
  const invalid = feed.health().invalidFrames;
  const finalRisk = engine.riskState();
  await driveUntil(clock, engine.stop());
  await gateway.close();
  const wallMs = performance.now() - began;
  const durationMs = stopAt - start;
  const report = buildReport({
    file: o.path,
    markets: scan.markets.length,
    from: scan.from,
    messages,
    dropped: link.dropped,
    invalid,
    durationMs,
    valuation,
    state: store.state(),
    tally,
    rewardAccrued: rewards.accrued,
    riskMs: risk.ms,
    finalRisk,
  });
  const speed: BacktestSpeed = { wallMs, messagesPerSec: wallMs > 0 ? (messages * 1000) / wallMs : 0, timesRealTime: wallMs > 0 ? durationMs / wallMs : 0 };
  return { report, speed, fills: session.fills, events: session.events };
}
