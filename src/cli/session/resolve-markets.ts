// Resolves each --market reference (slug, condition id or token id) at the catalog, naming the one that failed.
import type { GammaCatalog } from "../../adapters/polymarket/gamma-catalog.js";
import type { MarketInfo } from "../../domain/market.js";
import { UserError } from "../errors.js";

export async function resolveMarkets(catalog: GammaCatalog, refs: string[]): Promise<MarketInfo[]> {
  const out: MarketInfo[] = [];
  for (const ref of refs) {
    try {
      out.push(await catalog.resolve(ref));
    } catch (err) {
      throw new UserError(`--market ${ref}: ${(err as Error).message}`);
    }
  }
  return out;
}
