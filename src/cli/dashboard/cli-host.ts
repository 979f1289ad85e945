// The dashboard's host: markets from Gamma, one engine session at a time, the switch to the demo exchange, and a safe shutdown.
import { ClobRest } from "../../adapters/polymarket/clob-rest.js";
import { GammaCatalog } from "../../adapters/polymarket/gamma-catalog.js";
import type { MarketInfo } from "../../domain/market.js";
import type { Settings } from "../../domain/settings/schema.js";
import type { EngineHandle } from "../../engine/snapshot.js";
import type { Clock } from "../../ports/clock.js";
import type { DashboardHost } from "../../ui/host.js";
import { resolveExchange, type ResolvedExchange } from "../endpoint-options.js";
import { UserError } from "../errors.js";
import { startMarketSession, type MarketSession } from "./market-session.js";
import { restoreTerminal } from "./supervise-ui.js";

export interface CliHostOptions {
  dataDir: string;
  live: boolean;
  /** The market the user confirmed for live trading (after the typed confirmation). */
  liveSlug?: string;
  /** The demo exchange's flow when the user switches to it. */
  demo: { seed: number; rate: number };
}

/** Puts the market's recent history from REST (/prices-history) in front of the prices the engine has seen itself. */
function withHistory(handle: EngineHandle, history: () => number[]): EngineHandle {
  return {
    snapshot() {
      const snap = handle.snapshot();
      const past = history();
      return past.length === 0 ? snap : { ...snap, markets: snap.markets.map((m) => ({ ...m, priceHistory: [...past, ...m.priceHistory] })) };
    },
    subscribe: (listener) => handle.subscribe(listener),
    command: (cmd) => handle.command(cmd),
  };
}

export class CliHost implements DashboardHost {
  private session: MarketSession | null = null;
  private closing: Promise<void> | null = null;

  constructor(
    private venue: ResolvedExchange,
    private readonly options: CliHostOptions,
    private readonly settings: Settings,
    private readonly clock: Clock,
  ) {}

  source(): string {
    return this.venue.demo ? "demo (embedded exchange)" : this.venue.endpoints.gamma;
  }

  listMarkets(): Promise<MarketInfo[]> {
    return new GammaCatalog(this.venue.endpoints.gamma).list({ limit: 500, order: "volume24hr", ascending: false });
  }

  resolveMarket(ref: string): Promise<MarketInfo> {
    return new GammaCatalog(this.venue.endpoints.gamma).resolve(ref);
  }

  async openMarket(market: MarketInfo): Promise<EngineHandle> {
    await this.closeMarket();
    let history: number[] = [];
    new ClobRest(this.venue.endpoints.clob).pricesHistory(market.yesTokenId, "1d", 5).then(
      (points) => (history = points.map((p) => p.p).filter((p) => Number.isFinite(p))),
      () => undefined, // the sparkline says "no history yet"; the engine's own prices fill it as trades print
    );
    const { live, liveSlug, dataDir } = this.options;
    if (live && market.slug !== liveSlug) throw new UserError(`live trading was confirmed for ${liveSlug} only; restart mm --live --market ${market.slug} to trade this one`);
    this.session = await startMarketSession({ market, endpoints: this.venue.endpoints, source: this.venue.source, settings: this.settings, dataDir, clock: this.clock, live });
    return withHistory(this.session.handle, () => history);
  }

  async closeMarket(): Promise<void> {
    const session = this.session;
    this.session = null;
    if (session) await session.stop();
  }

  async startDemo(): Promise<void> {
    if (this.venue.demo) return;
    this.venue = await resolveExchange({ demo: true }, this.options.demo);
  }

  shutdown(): Promise<void> {
    this.closing ??= (async () => {
      await this.closeMarket();
      await this.venue.close();
    })();
    return this.closing;
  }

  forceExit(): void {
    const sent = this.session?.cancelsSent() ?? Promise.resolve();
    void sent.finally(() => {
      restoreTerminal();
      process.exit(130);
    });
  }
}
