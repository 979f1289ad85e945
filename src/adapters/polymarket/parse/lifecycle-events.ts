// Validates market-channel lifecycle events sent with custom_feature_enabled: market_resolved and new_market.
import type { MarketResolvedEvent, NewMarketEvent } from "../../../domain/events.js";
import { FieldError, reqId, reqString, reqStringArray, reqUint, type Obj } from "./fields.js";

/** Gamma ids are numeric; the docs show them as strings, so accept both and keep the text. */
function idText(o: Obj, key: string): string {
  const v = o[key];
  if (typeof v === "number" && Number.isSafeInteger(v)) return String(v);
  if (v === undefined) throw new FieldError("missing_field", `missing "${key}"`);
  return reqId(o, key);
}

export function parseMarketResolved(o: Obj): MarketResolvedEvent {
  return {
    type: "market_resolved",
    id: idText(o, "id"),
    market: reqId(o, "market"),
    assetIds: reqStringArray(o, "assets_ids"),
    winningAssetId: reqId(o, "winning_asset_id"),
    winningOutcome: reqString(o, "winning_outcome"),
    timestamp: reqUint(o, "timestamp"),
  };
}

export function parseNewMarket(o: Obj): NewMarketEvent {
  return {
    type: "new_market",
    id: idText(o, "id"),
    question: reqString(o, "question"),
    market: reqId(o, "market"),
    slug: reqString(o, "slug"),
    assetIds: reqStringArray(o, "assets_ids"),
    outcomes: reqStringArray(o, "outcomes"),
    timestamp: reqUint(o, "timestamp"),
  };
}
