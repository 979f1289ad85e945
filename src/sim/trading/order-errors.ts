// Polymarket's order rejection texts, keyed by error code; the code leads the text so clients can match on it.

const MESSAGES: Record<string, string> = {
  INVALID_ORDER_MIN_TICK_SIZE: "order is invalid. Price breaks minimum tick size rules",
  INVALID_ORDER_MIN_SIZE: "order is invalid. Size lower than the minimum",
  INVALID_ORDER_DUPLICATED: "order is invalid. Duplicated. Same order has already been placed, can't be placed again",
  INVALID_ORDER_NOT_ENOUGH_BALANCE: "not enough balance / allowance",
  INVALID_ORDER_EXPIRATION: "invalid expiration",
  INVALID_ORDER_ERROR: "could not insert order",
  INVALID_POST_ONLY_ORDER_TYPE: "invalid post-only order: only GTC and GTD order types are allowed",
  INVALID_POST_ONLY_ORDER: "invalid post-only order: order crosses book",
  FOK_ORDER_NOT_FILLED_ERROR: "order couldn't be fully filled, FOK orders are fully filled/killed",
  MARKET_NOT_READY: "the market is not yet ready to process new orders",
};

/** "CODE: Polymarket's text (detail)"; the detail says what exactly was wrong. */
export function orderError(code: string, detail?: string): string {
  const base = MESSAGES[code];
  if (!base) return detail ? `${code}: ${detail}` : code;
  if (!detail || detail === base) return `${code}: ${base}`;
  return detail.startsWith(base) ? `${code}: ${detail}` : `${code}: ${base} (${detail})`;
}

/** A rejection by the matching engine, whose message is already Polymarket's text. */
export const engineError = (code: string, message: string): string => `${code}: ${message}`;
