// Validates market-channel lifecycle events sent with custom_feature_enabled: market_resolved and new_market.
import type { MarketResolvedEvent, NewMarketEvent } from "../../../domain/events.js";
import { reqId, reqString, reqStringArray, reqUint, type Obj } from "./fields.js";

/** Gamma ids are numeric; the docs show them as strings, so accept both and keep the text. */
function idText(v: unknown, key: string): string {
  if (typeof v === "number" && Number.isSafeInteger(v)) return String(v);
  return reqId(v, key);
}

export function parseMarketResolved(o: Obj): MarketResolvedEvent {
  return {
    type: "market_resolved",
    id: idText(o.id, "id"),
    market: reqId(o.market, "market"),
    assetIds: reqStringArray(o.assets_ids, "assets_ids"),
    winningAssetId: reqId(o.winning_asset_id, "winning_asset_id"),
    winningOutcome: reqString(o.winning_outcome, "winning_outcome"),
    timestamp: reqUint(o.timestamp, "timestamp"),
  };
}

export function parseNewMarket(o: Obj): NewMarketEvent {
  return {
    type: "new_market",
    id: idText(o.id, "id"),
    question: reqString(o.question, "question"),
    market: reqId(o.market, "market"),
    slug: reqString(o.slug, "slug"),
    assetIds: reqStringArray(o.assets_ids, "assets_ids"),
    outcomes: reqStringArray(o.outcomes, "outcomes"),
    timestamp: reqUint(o.timestamp, "timestamp"),
  };
}
