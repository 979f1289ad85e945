// `mm run --record FILE`: the dry-run engine on a clock that steps with the frames, writing what it consumed so `mm backtest FILE` repeats the run.
import { closeSync, openSync } from "node:fs";
import { ClobRest } from "../adapters/polymarket/clob-rest.js";
import { marketChannelUrl, type Endpoints } from "../adapters/polymarket/endpoints.js";
import { wsTransport } from "../adapters/polymarket/ws-transport.js";
import { startLiveSession } from "../backtest/live-session.js";
import { emptyLedgerState } from "../domain/ledger/ledger-state.js";
import type { PersistedState } from "../domain/ledger/persisted-state.js";
import type { MarketInfo } from "../domain/market.js";
import type { Settings } from "../domain/settings/schema.js";
import { USD_SCALE } from "../domain/units.js";
import type { Engine } from "../engine/engine.js";
import type { EngineEvent } from "../engine/engine-events.js";
import type { Clock } from "../ports/clock.js";
import type { Logger } from "../ports/logger.js";
import type { MarketData, MarketDataNotice } from "../ports/market-data.js";
import type { Store } from "../ports/store.js";
import { UserError } from "./errors.js";

/** Where `mm run` sends what happens (its JSON lines). */
export interface RunOutput {
  onNotice(n: MarketDataNotice): void;
  onEvent(e: EngineEvent): void;
}

export interface RecordedRunOptions extends RunOutput {
  path: string;
  markets: MarketInfo[];
  settings: Settings;
  endpoints: Endpoints;
  store: Store;
  source: string;
  logger: Logger;
}

/** A started engine as `mm run` drives it, directly or recorded. */
export interface RunningEngine {
  engine: Engine;
  feed: MarketData;
  /** The clock the engine runs on (a recorded run's is virtual, kept at the real time by the step pump). */
  clock: Clock;
  /** Stops the engine (cancels, bounded wait), ends any recording and closes the gateway. */
  stop(): Promise<void>;
}

/** A backtest starts from a new account: only a run that does too can be repeated fill for fill. */
export function isNewAccount(state: Readonly<PersistedState>, startingCash: number): boolean {
  const fresh = emptyLedgerState(startingCash);
  return JSON.stringify(state.portfolio) === JSON.stringify(fresh.portfolio) && Object.keys(state.orders).length === 0 && state.risk.state === "ACTIVE";
}

/** Fails early, with the fix, when FILE cannot be written (creates or truncates it). */
function checkWritable(path: string): void {
  try {
    closeSync(openSync(path, "w"));
  } catch (err) {
    throw new UserError(`--record ${path}: cannot write it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); pass a file in an existing, writable directory`, 2);
  }
}

export async function startRecordedRun(o: RecordedRunOptions): Promise<RunningEngine> {
  checkWritable(o.path);
  const startingCash = Math.round(o.settings.dryRun.startingBalance * USD_SCALE);
  if (!isNewAccount(o.store.state(), startingCash)) {
    o.logger.warn(`the account in the data dir is not new (positions, open orders, P&L or a risk latch): mm backtest starts from a new $${o.settings.dryRun.startingBalance} account, so its fills may differ from this run's; use an empty --data-dir for a run it repeats exactly`);
  }
  const live = await startLiveSession({
    markets: o.markets,
    settings: o.settings,
    url: marketChannelUrl(o.endpoints),
    transport: wsTransport,
    rest: new ClobRest(o.endpoints.clob),
    recordPath: o.path,
    logger: o.logger,
    source: o.source,
    store: o.store,
    beforeStart: (s) => {
      s.gateway.restore(Object.values(o.store.state().orders), o.markets);
      s.feed.onNotice(o.onNotice);
      s.engine.onEvent(o.onEvent);
    },
  });
  const { engine, feed } = live.session;
  return { engine, feed, clock: live.pump.clock, stop: () => live.stop() };
}
