// The exchange's tick per token, as the live gateway checks prices against it: fetched on first use, after a tick rejection, and when the market's tick disagrees.
import type { Logger } from "../../../ports/logger.js";
import { formatPrice, parsePrice, type Pips } from "../../../domain/units.js";
import { redactor } from "../../secrets/redact.js";
import type { ClobApi } from "./clob-client.js";
import type { RequestRunner } from "./request-runner.js";

export class TickSizes {
  private ticks = new Map<string, Pips>();
  /** Tokens whose tick must be fetched again (a tick rejection came). */
  private stale = new Set<string>();
  /** The market tick each token's exchange tick was last checked against. */
  private checkedFor = new Map<string, Pips>();

  constructor(
    private readonly api: ClobApi,
    private readonly runner: RequestRunner,
    private readonly logger: Logger,
  ) {}

  invalidate(tokenId: string): void {
    this.stale.add(tokenId);
  }

  /**
   * The tick to check a price against. It is fetched again (once per disagreeing market tick, or after a rejection),
   * so a price on a stale grid is refused locally afterwards: rejections never turn into a loop.
   */
  async tickFor(tokenId: string, marketTick: Pips): Promise<Pips> {
    const known = this.ticks.get(tokenId);
    const refresh = known === undefined || this.stale.has(tokenId) || (known !== marketTick && this.checkedFor.get(tokenId) !== marketTick);
    if (!refresh) return known;
    try {
      // The official client caches ticks forever; drop its copy so it signs with the exchange's current one.
      delete this.api.tickSizes[tokenId];
      const text = await this.runner.run("tick size", () => this.api.getTickSize(tokenId), { idempotent: true, gated: false });
      const tick = parsePrice(String(text));
      if (tick !== null && tick > 0) {
        if (known !== undefined && known !== tick) this.logger.info("tick size changed", { tokenId, from: formatPrice(known), to: formatPrice(tick) });
        this.ticks.set(tokenId, tick);
      }
    } catch (err) {
      this.logger.warn("could not refresh the tick size", { tokenId, error: redactor.text((err as Error).message) });
    }
    this.stale.delete(tokenId);
    this.checkedFor.set(tokenId, marketTick);
    return this.ticks.get(tokenId) ?? marketTick;
  }
}
