// Response helpers for the trading endpoints: Polymarket's `{error}` bodies, L2 auth, and injected fault windows.
import type { SimHandler, SimRequest, SimResponse } from "../context.js";
import type { ApiKeyRecord } from "./api-keys.js";
import { verifyL2 } from "./l2-auth.js";
import type { TradingState } from "./state.js";

export const errorResponse = (status: number, error: string): SimResponse => ({ status, body: { error } });
export const ok = (body: unknown): SimResponse => ({ status: 200, body });

const FAULT_TEXT: Record<425 | 429 | 500, string> = {
  425: "Too Early: the matching engine is restarting, retry later",
  429: "Too Many Requests",
  500: "Internal Server Error",
};

/** Wraps an endpoint that needs L2 auth; order endpoints also answer the current fault window first. */
export function authed(
  state: TradingState,
  handler: (req: SimRequest, key: ApiKeyRecord) => SimResponse,
  opts: { orderEndpoint: boolean },
): SimHandler {
  return (req) => {
    if (opts.orderEndpoint) {
      const fault = state.ctx.faults.current(state.ctx.now());
      if (fault) return errorResponse(fault.status, FAULT_TEXT[fault.status]);
    }
    const auth = verifyL2({ method: req.method, path: req.path, headers: req.headers, body: req.body }, state.keys);
    if (!auth.ok) return errorResponse(401, auth.error);
    return handler(req, auth.key);
  };
}
